package org.samed2d.explorer.search.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.samed2d.explorer.search.FacetDimension;

/**
 * Every distinct cell seen in the index (a tuple of dimension values, with or without an area bin), numbered,
 * with a numbered dictionary per dimension. Facet counting adds up documents per cell, then cells per dimension
 * value, so its cost per request is the number of matching documents plus the number of cells (thousands), not
 * documents times dimensions. Append-only, so cell numbers stay valid as segments and searches come and go.
 */
public final class CellTable {

    private static final int DIMENSIONS = FacetDimension.values().length;

    /** What readers see: arrays are replaced, never changed, once published. */
    public record View(int size, int[] valueOrdinals, int[] areaBins, List<List<String>> names) {

        public int ordinal(int cell, FacetDimension dimension) {
            return valueOrdinals[cell * DIMENSIONS + dimension.ordinal()];
        }

        /** The cell's area bin; {@link AreaBins#UNKNOWN} for cells encoded without one. */
        public int areaBin(int cell) {
            return areaBins[cell];
        }

        public String name(FacetDimension dimension, int ordinal) {
            return names.get(dimension.ordinal()).get(ordinal);
        }

        public int valueCount(FacetDimension dimension) {
            return names.get(dimension.ordinal()).size();
        }
    }

    private final Map<String, Integer> cells = new HashMap<>();
    private final List<Map<String, Integer>> dictionaries = new ArrayList<>();
    private final List<List<String>> names = new ArrayList<>();
    private int[] valueOrdinals = new int[0];
    private int[] areaBins = new int[0];
    private volatile View view = new View(0, valueOrdinals, areaBins, List.of());

    public CellTable() {
        for (int d = 0; d < DIMENSIONS; d++) {
            dictionaries.add(new HashMap<>());
            names.add(new ArrayList<>());
        }
        publish();
    }

    public View view() {
        return view;
    }

    /** Numbers of the given encoded cells ({@link MaskFields#cell}), adding the new ones. */
    public synchronized int[] intern(List<String> encoded) {
        int[] numbers = new int[encoded.size()];
        int size = cells.size();
        boolean added = false;
        for (int i = 0; i < numbers.length; i++) {
            Integer known = cells.get(encoded.get(i));
            if (known == null) {
                known = add(encoded.get(i), size++);
                added = true;
            }
            numbers[i] = known;
        }
        if (added || view.size() != cells.size()) {
            publish();
        }
        return numbers;
    }

    private int add(String encoded, int cell) {
        String[] parts = MaskFields.decodeCell(encoded);
        if (parts.length != DIMENSIONS + 1 && parts.length != DIMENSIONS) {
            throw new IllegalStateException("index cell with " + parts.length + " parts; reindex to rebuild it");
        }
        if ((cell + 1) * DIMENSIONS > valueOrdinals.length) {
            valueOrdinals = Arrays.copyOf(valueOrdinals, Math.max(64, valueOrdinals.length * 2));
            areaBins = Arrays.copyOf(areaBins, valueOrdinals.length / DIMENSIONS);
        }
        for (int d = 0; d < DIMENSIONS; d++) {
            List<String> dimensionNames = names.get(d);
            valueOrdinals[cell * DIMENSIONS + d] = dictionaries.get(d).computeIfAbsent(parts[d], value -> {
                dimensionNames.add(value);
                return dimensionNames.size() - 1;
            });
        }
        areaBins[cell] = parts.length > DIMENSIONS ? Integer.parseInt(parts[DIMENSIONS]) : AreaBins.UNKNOWN;
        cells.put(encoded, cell);
        return cell;
    }

    private void publish() {
        List<List<String>> copies = names.stream().map(List::copyOf).toList();
        view = new View(cells.size(), valueOrdinals.clone(), areaBins.clone(), copies);
    }
}

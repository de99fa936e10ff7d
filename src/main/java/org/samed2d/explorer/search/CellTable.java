package org.samed2d.explorer.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.BytesRef;

/**
 * Every distinct (dimension values, area bin) tuple seen in the index, numbered, with a numbered dictionary per
 * dimension. Facet counting adds up documents per cell, then cells per dimension value, so its cost per request is
 * the number of matching documents plus the number of cells (thousands), not documents times dimensions.
 * Append-only and shared by all segments, so cell numbers stay valid as segments come and go.
 */
final class CellTable {

    private static final int DIMENSIONS = FacetDimension.values().length;

    /** What readers see: arrays are replaced, never changed, once published. */
    record View(int size, int[] valueOrdinals, int[] areaBins, List<List<String>> names) {

        int ordinal(int cell, FacetDimension dimension) {
            return valueOrdinals[cell * DIMENSIONS + dimension.ordinal()];
        }

        int areaBin(int cell) {
            return areaBins[cell];
        }

        String name(FacetDimension dimension, int ordinal) {
            return names.get(dimension.ordinal()).get(ordinal);
        }

        int valueCount(FacetDimension dimension) {
            return names.get(dimension.ordinal()).size();
        }
    }

    private final Map<BytesRef, Integer> cells = new HashMap<>();
    private final List<Map<String, Integer>> dictionaries = new ArrayList<>();
    private final List<List<String>> names = new ArrayList<>();
    private int[] valueOrdinals = new int[0];
    private int[] areaBins = new int[0];
    private volatile View view = new View(0, valueOrdinals, areaBins, List.of());

    CellTable() {
        for (int d = 0; d < DIMENSIONS; d++) {
            dictionaries.add(new HashMap<>());
            names.add(new ArrayList<>());
        }
        publish();
    }

    View view() {
        return view;
    }

    /** Numbers of the given encoded cells, adding the new ones. */
    synchronized int[] intern(List<BytesRef> encoded) {
        int[] numbers = new int[encoded.size()];
        int size = cells.size();
        for (int i = 0; i < numbers.length; i++) {
            Integer known = cells.get(encoded.get(i));
            if (known == null) {
                known = add(BytesRef.deepCopyOf(encoded.get(i)), size++);
            }
            numbers[i] = known;
        }
        publish();
        return numbers;
    }

    private int add(BytesRef encoded, int cell) {
        String[] parts = MaskDocuments.Cell.decode(encoded);
        if (parts.length != DIMENSIONS + 1) {
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
        areaBins[cell] = Integer.parseInt(parts[DIMENSIONS]);
        cells.put(encoded, cell);
        return cell;
    }

    private void publish() {
        List<List<String>> copies = names.stream().map(List::copyOf).toList();
        view = new View(cells.size(), valueOrdinals.clone(), areaBins.clone(), copies);
    }
}

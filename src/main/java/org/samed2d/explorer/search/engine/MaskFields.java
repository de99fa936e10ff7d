package org.samed2d.explorer.search.engine;

import java.util.Locale;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.RegionMap;

/**
 * What a mask is indexed with, whatever the engine: its value per facet dimension, its release order as one
 * sortable string, its words, and its cell (the dimension values, and for the embedded engine the area bin, as one
 * string that facet counting reads per document).
 */
public final class MaskFields {

    private static final char SEPARATOR = '\u001f';

    private final RegionMap regions;

    public MaskFields(RegionMap regions) {
        this.regions = regions;
    }

    /** The mask's value of each dimension, by {@link FacetDimension#ordinal()}. */
    public String[] dimensionValues(IndexedMask mask) {
        String[] values = new String[FacetDimension.values().length];
        values[FacetDimension.MODALITY.ordinal()] = mask.baseModality();
        String sub = mask.subModality();
        values[FacetDimension.SUBMODALITY.ordinal()] = sub == null ? FacetDimension.NO_SUBMODALITY : sub;
        values[FacetDimension.DATASET.ordinal()] = mask.dataset();
        values[FacetDimension.LABEL.ordinal()] = mask.label();
        values[FacetDimension.REGION.ordinal()] = regions.regionOf(mask.label());
        values[FacetDimension.AXIS.ordinal()] = mask.axis();
        return values;
    }

    /** Dataset, case, axis, slice: the reading order of a release, as one string that sorts by its UTF-8 bytes. */
    public static String order(IndexedMask mask) {
        int slice = mask.slice() == null ? 0 : mask.slice();
        if (slice < 0) {
            return String.format(Locale.ROOT, "%s\u0000%s\u0000%s\u0000%010d", mask.dataset(), mask.caseName(),
                    mask.axis(), slice);
        }
        // the same string as the format above, without parsing a format for every mask indexed
        String digits = Integer.toString(slice);
        StringBuilder order = new StringBuilder(mask.dataset().length() + mask.caseName().length() + 16)
                .append(mask.dataset()).append('\u0000').append(mask.caseName()).append('\u0000').append(mask.axis())
                .append('\u0000');
        order.repeat('0', 10 - digits.length());
        return order.append(digits).toString();
    }

    /** The words free-text search finds the mask by. */
    public static java.util.Set<String> words(IndexedMask mask) {
        return TextTokens.of(mask.dataset(), mask.caseName(), mask.label());
    }

    /** A dimension tuple and area bin as one string. */
    public static String cell(String[] values, int areaBin) {
        return cell(values).append(areaBin).toString();
    }

    /** A dimension tuple alone as one string (the area histogram is then counted on its own). */
    public static String dimensionCell(String[] values) {
        StringBuilder out = cell(values);
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static StringBuilder cell(String[] values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            out.append(value).append(SEPARATOR);
        }
        return out;
    }

    /** The dimension values, followed by the area bin where the cell has one. */
    public static String[] decodeCell(String cell) {
        return cell.split(String.valueOf(SEPARATOR), -1);
    }
}

package org.samed2d.explorer.search.opensearch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.engine.AreaBins;
import org.samed2d.explorer.search.engine.MaskFields;

/**
 * The documents of the mask and image indices (mappings in {@code search/opensearch/}): a flat one per mask, and one
 * per image with its masks nested. The cell of a mask document holds its dimension values only; the area histogram
 * is counted apart (from the cells index, {@link OpenSearchCellCounts}), which keeps the facet aggregation to a few
 * thousand buckets.
 */
final class OpenSearchDocuments {

    static final String ID = "id";
    static final String IMAGE = "image";
    static final String CELL = "cell";
    static final String AREA_BIN = "areaBin";
    static final String AREA = "area";
    static final String AREA_FRACTION = "areaFraction";
    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    static final String TEXT = "text";
    static final String ORDER = "order";
    static final String MASKS = "masks";
    /** In an image document: the dimensions whose value differs between the image's masks. */
    static final String MIXED = "mixed";
    /**
     * In the cells index: how many masks a cell has in an area bin, as the document's weight, which every bucket
     * aggregation adds up instead of counting the document once.
     */
    static final String DOC_COUNT = "_doc_count";
    /** In the cells index: a cell whose masks are being changed, to be counted again. */
    static final String PENDING_CELL = "pendingCell";

    private final MaskFields fields;

    OpenSearchDocuments(MaskFields fields) {
        this.fields = fields;
    }

    Map<String, Object> mask(IndexedMask mask) {
        Map<String, Object> doc = filterable(mask, fields.dimensionValues(mask), true);
        doc.put(ID, mask.id());
        doc.put(IMAGE, mask.imageId());
        // a keyword: its terms aggregation counts per global ordinal, faster than a number's per-value hash
        doc.put(AREA_BIN, Integer.toString(AreaBins.of(mask.area())));
        doc.put(ORDER, MaskFields.order(mask));
        return doc;
    }

    /** The cell a mask's document is in. */
    String cellOf(IndexedMask mask) {
        return MaskFields.dimensionCell(fields.dimensionValues(mask));
    }

    /**
     * One image's document from all its masks (which must all be of that image): the masks nested, and at the top
     * each dimension's value where all the masks share it (in the release an image's dataset, modality and axis),
     * or the dimension's name under {@link #MIXED} where they do not, so that a filter on a shared value is tested
     * once per image instead of once per mask.
     */
    Map<String, Object> image(long imageId, List<IndexedMask> masks) {
        List<Map<String, Object>> nested = new ArrayList<>(masks.size());
        String[] shared = null;
        List<String> mixed = new ArrayList<>();
        for (IndexedMask mask : masks) {
            String[] values = fields.dimensionValues(mask);
            nested.add(filterable(mask, values, false));
            if (shared == null) {
                shared = values.clone();
            }
            for (int d = 0; d < values.length; d++) {
                if (shared[d] != null && !shared[d].equals(values[d])) {
                    shared[d] = null;
                }
            }
        }
        Map<String, Object> doc = new HashMap<>();
        doc.put(IMAGE, imageId);
        doc.put(MASKS, nested);
        for (FacetDimension dimension : FacetDimension.values()) {
            String value = shared == null ? null : shared[dimension.ordinal()];
            if (value == null) {
                mixed.add(dimension.parameter());
            } else {
                doc.put(dimension.parameter(), value);
            }
        }
        doc.put(MIXED, mixed);
        return doc;
    }

    /** The fields filters test, in both kinds of document. */
    private static Map<String, Object> filterable(IndexedMask mask, String[] values, boolean withCell) {
        Map<String, Object> doc = new HashMap<>();
        for (FacetDimension dimension : FacetDimension.values()) {
            doc.put(dimension.parameter(), values[dimension.ordinal()]);
        }
        if (withCell) {
            doc.put(CELL, MaskFields.dimensionCell(values));
        }
        Long area = mask.area();
        if (area != null) {
            doc.put(AREA, area);
            doc.put(AREA_FRACTION, area / ((double) mask.width() * mask.height()));
        }
        doc.put(WIDTH, mask.width());
        doc.put(HEIGHT, mask.height());
        doc.put(TEXT, List.copyOf(MaskFields.words(mask)));
        return doc;
    }
}

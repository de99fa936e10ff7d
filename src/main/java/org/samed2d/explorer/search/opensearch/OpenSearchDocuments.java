package org.samed2d.explorer.search.opensearch;

import jakarta.json.stream.JsonGenerator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.JsonpSerializable;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.engine.AreaBins;
import org.samed2d.explorer.search.engine.MaskFields;

/**
 * The documents of the mask and image indices (mappings in {@code search/opensearch/}): a flat one per mask, and one
 * per image with its masks nested. The cell of a mask document holds its dimension values only; the area histogram
 * is counted apart (from the cells index, {@link OpenSearchCellCounts}), which keeps the facet aggregation to a few
 * thousand buckets. Documents write themselves to the client's JSON generator ({@link JsonpSerializable}): built as
 * maps and serialised by reflection, they had taken two thirds of the writer's CPU during a build.
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

    private static final FacetDimension[] DIMENSIONS = FacetDimension.values();

    private final MaskFields fields;

    OpenSearchDocuments(MaskFields fields) {
        this.fields = fields;
    }

    /** What both documents of a mask are made of, worked out once per mask. */
    record MaskValues(IndexedMask mask, String[] dimensions, Set<String> words) {

        String cell() {
            return MaskFields.dimensionCell(dimensions);
        }
    }

    MaskValues values(IndexedMask mask) {
        return new MaskValues(mask, fields.dimensionValues(mask), MaskFields.words(mask));
    }

    /** A mask's document in the masks index. */
    record MaskDocument(MaskValues values) implements JsonpSerializable {

        @Override
        public void serialize(JsonGenerator json, JsonpMapper mapper) {
            IndexedMask mask = values.mask();
            json.writeStartObject();
            json.write(ID, mask.id());
            json.write(IMAGE, mask.imageId());
            writeFilterable(json, values);
            json.write(CELL, values.cell());
            // a keyword: its terms aggregation counts per global ordinal, faster than a number's per-value hash
            json.write(AREA_BIN, Integer.toString(AreaBins.of(mask.area())));
            json.write(ORDER, MaskFields.order(mask));
            json.writeEnd();
        }
    }

    /**
     * One image's document from all its masks (which must all be of that image): the masks nested, and at the top
     * each dimension's value where all the masks share it (in the release an image's dataset, modality and axis),
     * or the dimension's name under {@link #MIXED} where they do not, so that a filter on a shared value is tested
     * once per image instead of once per mask.
     *
     * @param shared by {@link FacetDimension#ordinal()}, null where the masks differ
     */
    record ImageDocument(long imageId, List<MaskValues> masks, @Nullable String[] shared) implements JsonpSerializable {

        static ImageDocument of(long imageId, List<MaskValues> masks) {
            @Nullable String[] shared = null;
            for (MaskValues mask : masks) {
                String[] values = mask.dimensions();
                if (shared == null) {
                    shared = values.clone();
                }
                for (int d = 0; d < values.length; d++) {
                    if (shared[d] != null && !shared[d].equals(values[d])) {
                        shared[d] = null;
                    }
                }
            }
            return new ImageDocument(imageId, masks, shared == null ? new String[DIMENSIONS.length] : shared);
        }

        @Override
        public void serialize(JsonGenerator json, JsonpMapper mapper) {
            json.writeStartObject();
            json.write(IMAGE, imageId);
            json.writeStartArray(MASKS);
            for (MaskValues mask : masks) {
                json.writeStartObject();
                writeFilterable(json, mask);
                json.writeEnd();
            }
            json.writeEnd();
            writeDimensions(json, shared);
            json.writeStartArray(MIXED);
            for (FacetDimension dimension : DIMENSIONS) {
                if (shared[dimension.ordinal()] == null) {
                    json.write(dimension.parameter());
                }
            }
            json.writeEnd();
            json.writeEnd();
        }
    }

    MaskDocument mask(MaskValues values) {
        return new MaskDocument(values);
    }

    ImageDocument image(long imageId, List<MaskValues> masks) {
        return ImageDocument.of(imageId, masks);
    }

    /** The fields filters test, in both kinds of document. */
    private static void writeFilterable(JsonGenerator json, MaskValues values) {
        IndexedMask mask = values.mask();
        writeDimensions(json, values.dimensions());
        Long area = mask.area();
        if (area != null) {
            json.write(AREA, area);
            json.write(AREA_FRACTION, area / ((double) mask.width() * mask.height()));
        }
        json.write(WIDTH, mask.width());
        json.write(HEIGHT, mask.height());
        json.writeStartArray(TEXT);
        values.words().forEach(json::write);
        json.writeEnd();
    }

    /** Each dimension's value; a dimension without one is left out, as the mapping reads a null. */
    private static void writeDimensions(JsonGenerator json, @Nullable String[] dimensions) {
        for (FacetDimension dimension : DIMENSIONS) {
            String value = dimensions[dimension.ordinal()];
            if (value != null) {
                json.write(dimension.parameter(), value);
            }
        }
    }
}

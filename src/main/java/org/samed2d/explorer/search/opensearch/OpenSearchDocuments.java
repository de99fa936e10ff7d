package org.samed2d.explorer.search.opensearch;

import jakarta.json.stream.JsonGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.JsonpSerializable;
import org.samed2d.explorer.catalog.IndexedMask;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.engine.AreaBins;
import org.samed2d.explorer.search.engine.MaskFields;

/**
 * The documents of the mask and image indices (mappings in {@code search/opensearch/}): a flat one per mask, and one
 * per image with what its masks share and, nested, what they do not. The cell of a mask document holds its dimension
 * values only; the area histogram is counted apart (from the cells index, {@link OpenSearchCellCounts}), which keeps
 * the facet aggregation to a few thousand buckets. Documents write themselves to the client's JSON generator
 * ({@link JsonpSerializable}): built as maps and serialised by reflection, they had taken two thirds of the writer's
 * CPU during a build.
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
    /**
     * In an image document: the dimensions and sizes ({@link #WIDTH}, {@link #HEIGHT}) its masks do not share, or
     * share no value of, which its nested masks hold.
     */
    static final String MIXED = "mixed";
    /**
     * In an image document: each value its masks have of a dimension they do not share, as {@code dimension=value},
     * so that an image whose masks differ in one filtered dimension only is tested on its values once, at the top.
     */
    static final String IN_MASKS = "inMasks";
    /** In a nested mask: the dimensions and sizes its image document holds for all its masks, between commas. */
    static final String ON_IMAGE = "onImage";
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
     * One image's document from all its masks (which must all be of that image). What all the masks share is held
     * once, at the top: each dimension's value where they share it (in the release an image's dataset, modality,
     * submodality and axis) and the width and the height where they share them. The masks are nested with the rest:
     * the dimensions and sizes that differ between them, their areas and words, and always their modality and
     * submodality, which query words match as well as words. A nested mask names under {@link #ON_IMAGE} what its
     * image holds for it, so that a query can pass such a part there; the top names under {@link #MIXED} what its
     * masks hold. Writing a shared value once per image instead of once per mask took about a tenth off the CPU of
     * a build.
     *
     * @param shared by {@link FacetDimension#ordinal()}, null where the masks differ or have none
     * @param width the masks' width where they share it, else null
     * @param height the masks' height where they share it, else null
     * @param mixed the names of what the masks do not share, which each nested mask holds
     * @param inMasks {@link #listed} of each value the masks have of a dimension they do not share
     * @param onImage the names of what the top holds, each between commas (",dataset,axis,width,")
     */
    record ImageDocument(long imageId, List<MaskValues> masks, @Nullable String[] shared, @Nullable Integer width,
                         @Nullable Integer height, List<String> mixed, Set<String> inMasks, String onImage)
            implements JsonpSerializable {

        static ImageDocument of(long imageId, List<MaskValues> masks) {
            @Nullable String[] shared = new String[DIMENSIONS.length];
            @Nullable Integer width = null;
            @Nullable Integer height = null;
            for (int m = 0; m < masks.size(); m++) {
                String[] values = masks.get(m).dimensions();
                IndexedMask mask = masks.get(m).mask();
                if (m == 0) {
                    System.arraycopy(values, 0, shared, 0, values.length);
                    width = mask.width();
                    height = mask.height();
                    continue;
                }
                for (int d = 0; d < values.length; d++) {
                    if (shared[d] != null && !shared[d].equals(values[d])) {
                        shared[d] = null;
                    }
                }
                width = width != null && width == mask.width() ? width : null;
                height = height != null && height == mask.height() ? height : null;
            }
            List<String> held = new ArrayList<>();
            List<String> mixed = new ArrayList<>();
            for (FacetDimension dimension : DIMENSIONS) {
                (shared[dimension.ordinal()] != null ? held : mixed).add(dimension.parameter());
            }
            (width != null ? held : mixed).add(WIDTH);
            (height != null ? held : mixed).add(HEIGHT);
            Set<String> inMasks = new TreeSet<>();
            for (MaskValues mask : masks) {
                for (FacetDimension dimension : DIMENSIONS) {
                    String value = mask.dimensions()[dimension.ordinal()];
                    if (shared[dimension.ordinal()] == null && value != null) {
                        inMasks.add(listed(dimension, value));
                    }
                }
            }
            StringBuilder onImage = new StringBuilder(",");
            held.forEach(name -> onImage.append(name).append(','));
            return new ImageDocument(imageId, masks, shared, width, height, mixed, inMasks, onImage.toString());
        }

        @Override
        public void serialize(JsonGenerator json, JsonpMapper mapper) {
            json.writeStartObject();
            json.write(IMAGE, imageId);
            json.writeStartArray(MASKS);
            for (MaskValues mask : masks) {
                writeNested(json, mask);
            }
            json.writeEnd();
            writeDimensions(json, shared);
            if (width != null) {
                json.write(WIDTH, width);
            }
            if (height != null) {
                json.write(HEIGHT, height);
            }
            json.writeStartArray(MIXED);
            mixed.forEach(json::write);
            json.writeEnd();
            json.writeStartArray(IN_MASKS);
            inMasks.forEach(json::write);
            json.writeEnd();
            json.writeEnd();
        }

        /** A mask of the image with what the image does not hold for it, and its modality, submodality and words. */
        private void writeNested(JsonGenerator json, MaskValues values) {
            IndexedMask mask = values.mask();
            json.writeStartObject();
            for (FacetDimension dimension : DIMENSIONS) {
                String value = values.dimensions()[dimension.ordinal()];
                if (value != null && (shared[dimension.ordinal()] == null || dimension == FacetDimension.MODALITY
                        || dimension == FacetDimension.SUBMODALITY)) {
                    json.write(dimension.parameter(), value);
                }
            }
            writeArea(json, mask);
            if (width == null) {
                json.write(WIDTH, mask.width());
            }
            if (height == null) {
                json.write(HEIGHT, mask.height());
            }
            json.writeStartArray(TEXT);
            values.words().forEach(json::write);
            json.writeEnd();
            json.write(ON_IMAGE, onImage);
            json.writeEnd();
        }
    }

    /** A value of a dimension as {@link #IN_MASKS} holds it. */
    static String listed(FacetDimension dimension, String value) {
        return dimension.parameter() + "=" + value;
    }

    MaskDocument mask(MaskValues values) {
        return new MaskDocument(values);
    }

    ImageDocument image(long imageId, List<MaskValues> masks) {
        return ImageDocument.of(imageId, masks);
    }

    /** The fields filters test in a mask document. */
    private static void writeFilterable(JsonGenerator json, MaskValues values) {
        IndexedMask mask = values.mask();
        writeDimensions(json, values.dimensions());
        writeArea(json, mask);
        json.write(WIDTH, mask.width());
        json.write(HEIGHT, mask.height());
        json.writeStartArray(TEXT);
        values.words().forEach(json::write);
        json.writeEnd();
    }

    private static void writeArea(JsonGenerator json, IndexedMask mask) {
        Long area = mask.area();
        if (area != null) {
            json.write(AREA, area);
            json.write(AREA_FRACTION, area / ((double) mask.width() * mask.height()));
        }
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

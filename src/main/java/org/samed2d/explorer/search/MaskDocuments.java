package org.samed2d.explorer.search;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.samed2d.explorer.catalog.IndexedMask;

/**
 * One Lucene document per mask. Dimension values are indexed terms (for filtering and paging); the whole tuple of
 * dimension values plus the area bin is one "cell" doc value, which is what facet counting reads per document.
 */
final class MaskDocuments {

    static final String ID = "id";
    static final String KEY = "key";
    static final String IMAGE = "image";
    static final String CELL = "cell";
    static final String AREA = "area";
    static final String AREA_FRACTION = "areaFraction";
    static final String WIDTH = "width";
    static final String HEIGHT = "height";
    static final String TEXT = "text";
    static final String ORDER = "order";

    private final RegionMap regions;

    MaskDocuments(RegionMap regions) {
        this.regions = regions;
    }

    static Term key(long maskId) {
        return new Term(KEY, Long.toString(maskId));
    }

    Document build(IndexedMask mask) {
        Document doc = new Document();
        doc.add(new StringField(KEY, Long.toString(mask.id()), Field.Store.NO));
        doc.add(new LongField(ID, mask.id(), Field.Store.NO));
        doc.add(new LongField(IMAGE, mask.imageId(), Field.Store.NO));
        String[] values = dimensionValues(mask);
        for (FacetDimension dimension : FacetDimension.values()) {
            doc.add(new StringField(dimension.parameter(), values[dimension.ordinal()], Field.Store.NO));
        }
        Long area = mask.area();
        doc.add(new SortedDocValuesField(CELL, Cell.encode(values, AreaBins.of(area))));
        if (area != null) {
            doc.add(new LongField(AREA, area, Field.Store.NO));
            doc.add(new DoubleField(AREA_FRACTION, area / ((double) mask.width() * mask.height()), Field.Store.NO));
        }
        doc.add(new IntField(WIDTH, mask.width(), Field.Store.NO));
        doc.add(new IntField(HEIGHT, mask.height(), Field.Store.NO));
        for (String token : TextTokens.of(mask.dataset(), mask.caseName(), mask.label())) {
            doc.add(new StringField(TEXT, token, Field.Store.NO));
        }
        doc.add(new SortedDocValuesField(ORDER, new BytesRef(order(mask))));
        return doc;
    }

    private String[] dimensionValues(IndexedMask mask) {
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

    /** Dataset, case, axis, slice: the reading order of a release, as one sortable string. */
    private static String order(IndexedMask mask) {
        Integer slice = mask.slice();
        return String.format(Locale.ROOT, "%s\u0000%s\u0000%s\u0000%010d", mask.dataset(), mask.caseName(),
                mask.axis(), slice == null ? 0 : slice);
    }

    /** A dimension tuple and area bin, encoded as one doc value and decoded when a segment is opened. */
    static final class Cell {
        private static final char SEPARATOR = '\u001f';

        private Cell() {
        }

        static BytesRef encode(String[] values, int areaBin) {
            StringBuilder out = new StringBuilder();
            for (String value : values) {
                out.append(value).append(SEPARATOR);
            }
            return new BytesRef(out.append(areaBin).toString().getBytes(StandardCharsets.UTF_8));
        }

        /** The dimension values followed by the area bin. */
        static String[] decode(BytesRef bytes) {
            return bytes.utf8ToString().split(String.valueOf(SEPARATOR), -1);
        }
    }
}

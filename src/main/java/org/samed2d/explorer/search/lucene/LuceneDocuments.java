package org.samed2d.explorer.search.lucene;

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
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.engine.AreaBins;
import org.samed2d.explorer.search.engine.MaskFields;

/**
 * One Lucene document per mask. Dimension values are indexed terms (for filtering and paging); the whole tuple of
 * dimension values plus the area bin is one "cell" doc value, which is what facet counting reads per document.
 */
final class LuceneDocuments {

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

    private final MaskFields fields;

    LuceneDocuments(MaskFields fields) {
        this.fields = fields;
    }

    static Term key(long maskId) {
        return new Term(KEY, Long.toString(maskId));
    }

    Document build(IndexedMask mask) {
        Document doc = new Document();
        doc.add(new StringField(KEY, Long.toString(mask.id()), Field.Store.NO));
        doc.add(new LongField(ID, mask.id(), Field.Store.NO));
        doc.add(new LongField(IMAGE, mask.imageId(), Field.Store.NO));
        String[] values = fields.dimensionValues(mask);
        for (FacetDimension dimension : FacetDimension.values()) {
            doc.add(new StringField(dimension.parameter(), values[dimension.ordinal()], Field.Store.NO));
        }
        Long area = mask.area();
        doc.add(new SortedDocValuesField(CELL, new BytesRef(MaskFields.cell(values, AreaBins.of(area)))));
        if (area != null) {
            doc.add(new LongField(AREA, area, Field.Store.NO));
            doc.add(new DoubleField(AREA_FRACTION, area / ((double) mask.width() * mask.height()), Field.Store.NO));
        }
        doc.add(new IntField(WIDTH, mask.width(), Field.Store.NO));
        doc.add(new IntField(HEIGHT, mask.height(), Field.Store.NO));
        for (String token : MaskFields.words(mask)) {
            doc.add(new StringField(TEXT, token, Field.Store.NO));
        }
        doc.add(new SortedDocValuesField(ORDER, new BytesRef(MaskFields.order(mask))));
        return doc;
    }
}

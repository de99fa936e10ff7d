package org.samed2d.explorer.search.lucene;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.util.BytesRef;
import org.samed2d.explorer.search.MaskSort;
import org.samed2d.explorer.search.engine.SortValues;

/** Each {@link MaskSort} as a Lucene sort, and its sort values to and from the engine-neutral form. */
final class LuceneSorts {

    private LuceneSorts() {
    }

    static Sort of(MaskSort sort) {
        SortField id = LongField.newSortField(LuceneDocuments.ID, false, SortedNumericSelector.Type.MIN);
        return switch (sort) {
            case ID -> new Sort(id);
            case AREA -> new Sort(area(false, Long.MAX_VALUE), id);
            case AREA_DESCENDING -> new Sort(area(true, Long.MIN_VALUE), id);
            case RELEASE -> new Sort(new SortField(LuceneDocuments.ORDER, SortField.Type.STRING), id);
        };
    }

    private static SortField area(boolean reverse, long missing) {
        SortField field = LongField.newSortField(LuceneDocuments.AREA, reverse, SortedNumericSelector.Type.MIN);
        field.setMissingValue(missing);
        return field;
    }

    static SortValues values(Object[] fields) {
        List<Object> values = new ArrayList<>(fields.length);
        for (Object field : fields) {
            values.add(field instanceof BytesRef bytes ? bytes.utf8ToString() : field);
        }
        return new SortValues(values);
    }

    static Object[] fields(SortValues values) {
        return values.values().stream().map(value -> value instanceof String text ? new BytesRef(text) : value)
                .toArray();
    }
}

package org.samed2d.explorer.search;

import java.util.Arrays;
import java.util.Optional;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;

/** Orders of a page of masks; each ends with the mask id, so the order is total and cursors are exact. */
public enum MaskSort {
    /** Catalog order. */
    ID("id"),
    /** Smallest area first; masks of unknown area last. */
    AREA("area"),
    /** Largest area first; masks of unknown area last. */
    AREA_DESCENDING("-area"),
    /** Dataset, case, axis, slice: the order of the release. */
    RELEASE("dataset");

    private final String parameter;

    MaskSort(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<MaskSort> ofParameter(String value) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
    }

    Sort luceneSort() {
        SortField id = LongField.newSortField(MaskDocuments.ID, false, SortedNumericSelector.Type.MIN);
        return switch (this) {
            case ID -> new Sort(id);
            case AREA -> new Sort(area(false, Long.MAX_VALUE), id);
            case AREA_DESCENDING -> new Sort(area(true, Long.MIN_VALUE), id);
            case RELEASE -> new Sort(new SortField(MaskDocuments.ORDER, SortField.Type.STRING), id);
        };
    }

    private static SortField area(boolean reverse, long missing) {
        SortField field = LongField.newSortField(MaskDocuments.AREA, reverse, SortedNumericSelector.Type.MIN);
        field.setMissingValue(missing);
        return field;
    }
}

package org.samed2d.explorer.search;

import java.util.Arrays;
import java.util.Optional;

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
}

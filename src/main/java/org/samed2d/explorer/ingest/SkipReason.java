package org.samed2d.explorer.ingest;

/** Why an item of a release was not ingested. */
public enum SkipReason {
    MISSING_FILE("missing file"),
    UNREADABLE_PNG("unreadable PNG"),
    /** A file that starts as a PNG but is not whole (cut short before IEND, or a chunk failing its CRC). */
    DAMAGED_PNG("damaged PNG (cut short or failing a CRC)"),
    SIZE_MISMATCH("mask size differs from its image"),
    NON_BINARY_MASK("non-binary mask"),
    EMPTY_MASK("empty mask"),
    INVALID_NAME("name not in the release convention"),
    UNKNOWN_CLASS_ID("unknown class id"),
    OUTSIDE_ROOT("path outside the release root"),
    MALFORMED_ENTRY("malformed entry in SAMed2D_v1.json"),
    /** A mask whose image was left out for a reason of its own: the image's item says which. */
    IMAGE_SKIPPED("its image was skipped");

    private final String text;

    SkipReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}

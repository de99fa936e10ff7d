package org.samed2d.explorer.ui.base;

/**
 * A count and the noun it counts, as the portal writes figures: grouped digits, and the singular for one ("1 mask on
 * 1 image", "1,024 masks"). The nouns the portal counts (mask, image, label, dataset, case) all take an "s".
 */
public final class Counted {

    private Counted() {
    }

    public static String of(long count, String singular) {
        return "%,d %s".formatted(count, count == 1 ? singular : singular + "s");
    }

    /** The portal's usual figure: "1,024 masks on 1 image". */
    public static String masksOnImages(long masks, long images) {
        return of(masks, "mask") + " on " + of(images, "image");
    }
}

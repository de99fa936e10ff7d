package org.samed2d.explorer.media;

import java.awt.Color;

/**
 * One colour per class name, the same everywhere (thumbnails, the image view, legends): a hue from the name's hash,
 * at a saturation and brightness that stay visible over grey-scale scans.
 */
public final class LabelColours {

    private LabelColours() {
    }

    public static Color of(String label) {
        int hash = label.hashCode() * 0x9E3779B1;
        float hue = ((hash >>> 8) & 0xFFFF) / 65536f;
        return Color.getHSBColor(hue, 0.85f, 1.0f);
    }

    /** {@code #rrggbb}. */
    public static String hex(String label) {
        return "#%06x".formatted(of(label).getRGB() & 0xFFFFFF);
    }
}

package org.samed2d.explorer.shared;

import java.util.List;

/**
 * A modality string as it appears in release names ({@code ct_00}, {@code mr_t1}, {@code x_ray}), split into the base
 * modality and the sub-modality. Strings never seen before are kept as they are.
 *
 * @param name the string as in the file name
 * @param base the base modality: the part before the last {@code _} for the prefixed families, else the whole string
 * @param sub the sub-modality, or {@code null} when the release says {@code 00} (none) or the family has none
 */
public record Modality(String name, String base, @org.jspecify.annotations.Nullable String sub) {

    private static final List<String> PREFIXED = List.of(
            "ct", "mr", "pet", "ultrasound", "endoscopy", "dermoscopy", "microscopy", "histopathology");

    /** Splits a release modality string; never fails on unknown strings. */
    public static Modality parse(String name) {
        int cut = name.lastIndexOf('_');
        if (cut > 0 && PREFIXED.contains(name.substring(0, cut))) {
            String sub = name.substring(cut + 1);
            return new Modality(name, name.substring(0, cut), sub.equals("00") || sub.isEmpty() ? null : sub);
        }
        return new Modality(name, name, null);
    }
}

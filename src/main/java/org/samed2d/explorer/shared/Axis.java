package org.samed2d.explorer.shared;

import java.util.Locale;
import java.util.Optional;

/** The cut a slice was taken along; {@code TWO_D} for sources that are 2D to begin with ({@code 2d_none}). */
public enum Axis {
    X, Y, Z, TWO_D;

    /** The token used in release names and in the catalog: {@code x}, {@code y}, {@code z} or {@code 2d}. */
    public String token() {
        return this == TWO_D ? "2d" : name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Axis> fromToken(String token) {
        return switch (token) {
            case "x" -> Optional.of(X);
            case "y" -> Optional.of(Y);
            case "z" -> Optional.of(Z);
            case "2d" -> Optional.of(TWO_D);
            default -> Optional.empty();
        };
    }
}

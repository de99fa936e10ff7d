package org.samed2d.explorer.ui.explore;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Area fractions as users type and read them: percent of the image, up to four significant digits. */
final class Percent {

    private Percent() {
    }

    /** 0.01 gives "1", 0.000123 gives "0.0123". */
    static String format(double fraction) {
        BigDecimal percent = new BigDecimal(fraction * 100).round(new MathContext(4));
        return String.format(Locale.ROOT, "%s", percent.stripTrailingZeros().toPlainString());
    }

    /** The fraction a percentage stands for, or null for none. */
    static @Nullable Double fraction(@Nullable Double percent) {
        return percent == null ? null : percent / 100;
    }

    static @Nullable Double percent(@Nullable Double fraction) {
        return fraction == null ? null : new BigDecimal(fraction * 100).round(new MathContext(6)).doubleValue();
    }
}

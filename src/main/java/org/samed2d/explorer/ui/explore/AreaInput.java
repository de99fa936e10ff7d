package org.samed2d.explorer.ui.explore;

import java.math.BigDecimal;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.samed2d.explorer.search.MaskFilter.Bounds;
import org.samed2d.explorer.search.MaskFilter.FractionBounds;

/**
 * What the two area fields hold, read as the user types: a range that can be applied, or why not yet. Nothing
 * here changes the query; the area filter applies a range only once {@link #valid()}.
 *
 * @param minProblem why the minimum cannot be used (null when it can), likewise {@code maxProblem}
 */
record AreaInput(Unit unit, @Nullable Double min, @Nullable Double max, @Nullable String minProblem,
                 @Nullable String maxProblem) {

    /** The two ways of giving an area. */
    enum Unit {
        PIXELS("px"), PERCENT("% of image");

        final String label;

        Unit(String label) {
            this.label = label;
        }
    }

    /**
     * @param editedMax whether the maximum is the field the user is typing in: a min above the max is marked on the
     *                  field being typed, since the other one was fine before
     */
    static AreaInput read(Unit unit, String minText, String maxText, boolean editedMax) {
        Number[] values = new Number[2];
        String[] problems = new String[2];
        String[] texts = {minText, maxText};
        for (int i = 0; i < 2; i++) {
            String text = texts[i].strip().replace(",", "").replace("%", "").strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                BigDecimal number = new BigDecimal(text);
                if (number.signum() < 0) {
                    problems[i] = "cannot be negative";
                } else if (unit == Unit.PIXELS && number.stripTrailingZeros().scale() > 0) {
                    problems[i] = "whole pixels only";
                } else if (unit == Unit.PERCENT && number.compareTo(BigDecimal.valueOf(100)) > 0) {
                    problems[i] = "at most 100 %";
                } else if (unit == Unit.PIXELS && number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
                    problems[i] = "too large";
                } else {
                    values[i] = number.doubleValue();
                }
            } catch (NumberFormatException e) {
                problems[i] = "not a number";
            }
        }
        Double min = values[0] == null ? null : values[0].doubleValue();
        Double max = values[1] == null ? null : values[1].doubleValue();
        if (min != null && max != null && min > max) {
            problems[editedMax ? 1 : 0] = editedMax ? "below the minimum (" + format(unit, min) + ")"
                    : "above the maximum (" + format(unit, max) + ")";
        }
        return new AreaInput(unit, min, max, problems[0], problems[1]);
    }

    boolean valid() {
        return minProblem == null && maxProblem == null;
    }

    Bounds pixels() {
        return new Bounds(min == null ? null : min.longValue(), max == null ? null : max.longValue());
    }

    FractionBounds fraction() {
        return new FractionBounds(Percent.fraction(min), Percent.fraction(max));
    }

    private static String format(Unit unit, double value) {
        return unit == Unit.PIXELS ? String.format(Locale.ROOT, "%,d", (long) value)
                : Percent.format(value / 100) + " %";
    }
}

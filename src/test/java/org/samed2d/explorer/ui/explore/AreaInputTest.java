package org.samed2d.explorer.ui.explore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.samed2d.explorer.search.MaskFilter.Bounds;
import org.samed2d.explorer.search.MaskFilter.FractionBounds;
import org.samed2d.explorer.ui.explore.AreaInput.Unit;

class AreaInputTest {

    @Test
    void a_maximum_typed_below_the_minimum_is_marked_on_the_maximum_and_not_valid_yet() {
        AreaInput typing = AreaInput.read(Unit.PIXELS, "5,000", "2", true);
        assertThat(typing.valid()).isFalse();
        assertThat(typing.minProblem()).isNull();
        assertThat(typing.maxProblem()).isEqualTo("below the minimum (5,000)");
        AreaInput done = AreaInput.read(Unit.PIXELS, "5,000", "20000", true);
        assertThat(done.valid()).isTrue();
        assertThat(done.pixels()).isEqualTo(new Bounds(5000L, 20000L));
    }

    @Test
    void a_minimum_typed_above_the_maximum_is_marked_on_the_minimum() {
        AreaInput typing = AreaInput.read(Unit.PIXELS, "30000", "20000", false);
        assertThat(typing.minProblem()).isEqualTo("above the maximum (20,000)");
        assertThat(typing.maxProblem()).isNull();
    }

    @Test
    void percentages_become_fractions_of_the_image() {
        AreaInput input = AreaInput.read(Unit.PERCENT, "1", "", false);
        assertThat(input.valid()).isTrue();
        assertThat(input.fraction()).isEqualTo(new FractionBounds(0.01, null));
        assertThat(AreaInput.read(Unit.PERCENT, "0.5 %", "2.5", false).fraction()).isEqualTo(new FractionBounds(0.005, 0.025));
    }

    @Test
    void empty_fields_are_an_open_range() {
        AreaInput input = AreaInput.read(Unit.PIXELS, " ", "", true);
        assertThat(input.valid()).isTrue();
        assertThat(input.pixels()).isEqualTo(Bounds.ANY);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"PIXELS, 12.5, whole pixels only", "PIXELS, 1.2.3, not a number", "PERCENT, 101, at most 100 %",
            "PIXELS, 99999999999999999999, too large"})
    void a_value_that_cannot_be_an_area_says_why(Unit unit, String value, String problem) {
        assertThat(AreaInput.read(unit, value, "", false).minProblem()).isEqualTo(problem);
    }
}

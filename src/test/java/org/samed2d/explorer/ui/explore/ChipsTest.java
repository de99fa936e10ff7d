package org.samed2d.explorer.ui.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.search.MaskFilter;

class ChipsTest {

    private static MaskFilter filter(String query) {
        return ExploreState.read(QueryParameters.fromString(query)).state().filter();
    }

    @Test
    void every_part_of_a_filter_has_a_chip_and_removing_them_all_leaves_no_filter() {
        MaskFilter filter = filter("modality=ct&label=liver&label=spleen&areaMin=5000&areaMax=20000"
                + "&areaFractionMin=0.01&widthMin=256&heightMax=512&q=amos");
        List<Chips.Chip> chips = Chips.of(filter);
        assertThat(chips).extracting(Chips.Chip::label).containsExactly("modality: ct", "label: liver",
                "label: spleen", "area: 5,000–20,000 px", "area: ≥ 1 % of image", "width: ≥ 256 px",
                "height: ≤ 512 px", "words: amos");
        MaskFilter rest = filter;
        while (!Chips.of(rest).isEmpty()) {
            rest = Chips.of(rest).getFirst().without();
        }
        assertThat(rest).isEqualTo(MaskFilter.ALL);
    }

    @Test
    void removing_one_chip_keeps_every_other_filter() {
        MaskFilter filter = filter("modality=ct&label=liver&areaFractionMin=0.01&areaFractionMax=0.05");
        Chips.Chip fraction = Chips.of(filter).get(2);
        assertThat(fraction.label()).isEqualTo("area: 1–5 % of image");
        assertThat(fraction.without()).isEqualTo(filter("modality=ct&label=liver"));
        assertThat(FilterEdit.count(filter)).isEqualTo(3);
    }

    @Test
    void fractions_read_as_percentages_with_four_significant_digits() {
        assertThat(Percent.format(0.01)).isEqualTo("1");
        assertThat(Percent.format(0.000123)).isEqualTo("0.0123");
        assertThat(Percent.format(0.123456)).isEqualTo("12.35");
        assertThat(Percent.format(1)).isEqualTo("100");
    }
}

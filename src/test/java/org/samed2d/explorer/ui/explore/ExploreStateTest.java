package org.samed2d.explorer.ui.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.search.FacetDimension;
import org.samed2d.explorer.search.MaskFilter;
import org.samed2d.explorer.search.MaskFilter.Bounds;
import org.samed2d.explorer.search.MaskFilter.FractionBounds;
import org.samed2d.explorer.search.MaskSort;

class ExploreStateTest {

    private static ExploreState.Reading read(String query) {
        return ExploreState.read(QueryParameters.fromString(query));
    }

    @Test
    void a_url_with_every_part_reads_back_into_the_same_url() {
        ExploreState state = read("modality=ct&label=liver&label=spleen&areaMin=5000&areaFractionMin=0.01&q=amos&sort=-area&at=24")
                .state();
        assertThat(state.filter().chosen(FacetDimension.LABEL)).containsExactly("liver", "spleen");
        assertThat(state.filter().area()).isEqualTo(new Bounds(5000L, null));
        assertThat(state.filter().areaFraction()).isEqualTo(new FractionBounds(0.01, null));
        assertThat(state.sort()).isEqualTo(MaskSort.AREA_DESCENDING);
        assertThat(state.at()).isEqualTo(24);
        assertThat(ExploreState.read(state.toQuery()).state()).isEqualTo(state);
        assertThat(state.toQuery().getParameters()).isEqualTo(QueryParameters.fromString(
                "modality=ct&label=liver&label=spleen&areaMin=5000&areaFractionMin=0.01&q=amos&sort=-area&at=24")
                .getParameters());
    }

    @Test
    void a_minimum_above_the_maximum_drops_only_that_parameter_and_says_so() {
        ExploreState.Reading reading = read("modality=ct&label=liver&areaMin=5000&areaMax=2");
        assertThat(reading.state().filter().chosen(FacetDimension.MODALITY)).containsExactly("ct");
        assertThat(reading.state().filter().chosen(FacetDimension.LABEL)).containsExactly("liver");
        assertThat(reading.state().filter().area()).isEqualTo(new Bounds(null, 2L));
        assertThat(reading.dropped()).containsExactly("areaMin: is above areaMax (5000 > 2)");
    }

    @Test
    void several_bad_parameters_are_each_dropped_and_the_rest_applies() {
        ExploreState.Reading reading = read("axis=w&label=liver&colour=red&areaFractionMax=2&sort=nonsense&at=-4");
        assertThat(reading.state()).isEqualTo(new ExploreState(new MaskFilter(Map.of(FacetDimension.LABEL,
                new TreeSet<>(Set.of("liver"))), Bounds.ANY, Bounds.ANY, Bounds.ANY, FractionBounds.ANY, null),
                MaskSort.ID, 0));
        assertThat(reading.dropped()).hasSize(3).anySatisfy(problem -> assertThat(problem).startsWith("axis: "))
                .anySatisfy(problem -> assertThat(problem).startsWith("colour: unknown parameter"))
                .anySatisfy(problem -> assertThat(problem).startsWith("areaFractionMax: must be a fraction"));
    }

    @Test
    void the_start_state_is_an_empty_query() {
        assertThat(ExploreState.START.toQuery().getQueryString()).isEmpty();
        assertThat(read("").state()).isEqualTo(ExploreState.START);
        assertThat(read("").dropped()).isEmpty();
    }

    @Test
    void changing_the_filter_or_the_order_goes_back_to_the_first_tile() {
        ExploreState state = read("label=liver&at=400").state();
        assertThat(state.with(MaskFilter.ALL).at()).isZero();
        assertThat(state.with(MaskSort.AREA).at()).isZero();
        assertThat(state.with(MaskSort.AREA).sort()).isEqualTo(MaskSort.AREA);
        assertThat(List.of(state.with(MaskFilter.ALL).toQuery().getQueryString())).containsExactly("");
    }
}

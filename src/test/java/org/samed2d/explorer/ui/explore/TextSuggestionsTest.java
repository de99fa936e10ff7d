package org.samed2d.explorer.ui.explore;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;

class TextSuggestionsTest {

    private static final List<String> VOCABULARY = List.of("liver", "spleen", "kidney", "ct", "mr", "amos2022");
    /** What a catalog of liver and spleen CT masks would count. */
    private static final Map<String, Long> COUNTS = Map.of("liver", 50L, "liver ct", 40L, "spleen", 30L, "ct", 90L);

    private static MaskCounts count(MaskFilter filter) {
        long masks = filter.text() == null ? 100 : COUNTS.getOrDefault(filter.text(), 0L);
        return new MaskCounts(masks, masks);
    }

    private static MaskFilter filter(String query) {
        return ExploreState.read(QueryParameters.fromString(query)).state().filter();
    }

    @Test
    void a_misspelt_word_is_corrected_towards_a_catalog_name() {
        assertThat(TextSuggestions.of(filter("q=livr%20ct"), VOCABULARY, TextSuggestionsTest::count))
                .extracting(TextSuggestions.Suggestion::text, TextSuggestions.Suggestion::masks)
                .containsExactly(org.assertj.core.api.Assertions.tuple("liver ct", 40L),
                        org.assertj.core.api.Assertions.tuple("ct", 90L),
                        org.assertj.core.api.Assertions.tuple("without the search words", 100L));
    }

    @Test
    void a_word_that_matches_nothing_is_offered_without_it() {
        assertThat(TextSuggestions.of(filter("q=liver%20zebra"), VOCABULARY, TextSuggestionsTest::count))
                .extracting(TextSuggestions.Suggestion::text).containsExactly("liver", "without the search words");
    }

    @Test
    void no_words_no_suggestions() {
        assertThat(TextSuggestions.of(filter("label=liver"), VOCABULARY, TextSuggestionsTest::count)).isEmpty();
    }

    @Test
    void edits_are_counted_as_levenshtein_distance() {
        assertThat(TextSuggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(TextSuggestions.closest("spleeen", VOCABULARY)).hasValue("spleen");
        assertThat(TextSuggestions.closest("xyzzy", VOCABULARY)).isEmpty();
    }
}

package org.samed2d.explorer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTokensTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(nullValues = "null", value = {
            "ct, ct, null, true",
            "mr, mr, t1, true",
            "mri, mr, t1, true",
            "t1, mr, t1, true",
            "t2, mr, t1, false",
            "xray, x_ray, null, true",
            "ray, x_ray, null, true",
            "x, x_ray, null, false",
            "fundus, fundus_photography, null, true",
            "photography, fundus_photography, null, true",
            "fund, fundus_photography, null, false",
            "us, ultrasound, null, true",
            "liver, ct, null, false",
            "none, ct, null, false"})
    void a_query_word_matches_the_modality_it_names(String word, String base, @Nullable String sub, boolean matches) {
        assertThat(TextTokens.matchesModality(word, base, sub)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "liver ct          | liver,ct",
            "Liver  CT         | liver,ct",
            "X-ray chest       | xray,chest",
            "x ray             | xray",
            "amos_0006 kidney  | amos,0006,kidney"})
    void a_query_splits_into_lower_case_words_with_x_ray_as_one(String query, String words) {
        assertThat(TextTokens.ofQuery(query)).isEqualTo(List.of(words.split(",")));
    }
}

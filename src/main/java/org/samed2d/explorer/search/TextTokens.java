package org.samed2d.explorer.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of dataset, case and label names for free-text search: lower case, split at anything that is not a
 * letter or digit, so {@code left_kidney}, {@code AMOS2022} and {@code amos_0004} give {@code left kidney},
 * {@code amos2022} and {@code amos 0004}. The same split applies to the query. A query word also matches a mask's
 * modality: its base modality ({@code ct}), a word of it of three letters or more ({@code fundus}, {@code ray}), or
 * its sub-modality ({@code t1}); a few common names stand for the release's ({@code mri}, {@code xray}).
 */
final class TextTokens {

    private TextTokens() {
    }

    static Set<String> of(String... texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : texts) {
            for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    /** Common names of modalities, as the release spells them. */
    private static final java.util.Map<String, String> MODALITY_NAMES = java.util.Map.of("mri", "mr", "xray", "x_ray",
            "radiograph", "x_ray", "us", "ultrasound", "sonography", "ultrasound");

    static List<String> ofQuery(String query) {
        // "x-ray" and "x ray" are one word to users
        return List.copyOf(of(query.replaceAll("(?i)\\bx[-_ ]ray\\b", "xray")));
    }

    /** The base modality a query word names, as the index holds it: the word itself unless it is a common name. */
    static String modalityOf(String word) {
        return MODALITY_NAMES.getOrDefault(word, word);
    }

    /** Whether a query word matches a mask's modality (see the class comment); {@code sub} is null for none. */
    static boolean matchesModality(String word, String base, @org.jspecify.annotations.Nullable String sub) {
        String named = modalityOf(word);
        return base.equals(named) || word.equals(sub) || word.length() >= 3
                && (base.startsWith(word + "_") || base.endsWith("_" + word));
    }
}

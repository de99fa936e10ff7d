package org.samed2d.explorer.search.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words of dataset, case and label names for free-text search: lower case, split at anything that is not a
 * letter or digit, so {@code left_kidney}, {@code AMOS2022} and {@code amos_0004} give {@code left kidney},
 * {@code amos2022} and {@code amos 0004}. The same split applies to the query. A query word also matches a mask's
 * modality: its base modality ({@code ct}), a word of it of three letters or more ({@code fundus}, {@code ray}), or
 * its sub-modality ({@code t1}); a few common names stand for the release's ({@code mri}, {@code xray}). Both engines
 * build their word queries from {@link #modalityOf} and {@link #MODALITY_WORD_MIN_LENGTH}, so they match alike.
 */
public final class TextTokens {

    /** Compiled once: {@link String#split} compiled it for every mask indexed, which showed in the indexer's profile. */
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern X_RAY = Pattern.compile("(?i)\\bx[-_ ]ray\\b");

    private TextTokens() {
    }

    public static Set<String> of(String... texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : texts) {
            for (String token : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))) {
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    /** Common names of modalities, as the release spells them. */
    private static final Map<String, String> MODALITY_NAMES = Map.of("mri", "mr", "xray", "x_ray",
            "radiograph", "x_ray", "us", "ultrasound", "sonography", "ultrasound");

    /** A word this long or longer also matches one word of a base modality ({@code fundus_photography}). */
    public static final int MODALITY_WORD_MIN_LENGTH = 3;

    public static List<String> ofQuery(String query) {
        // "x-ray" and "x ray" are one word to users
        return List.copyOf(of(X_RAY.matcher(query).replaceAll("xray")));
    }

    /** The base modality a query word names, as the index holds it: the word itself unless it is a common name. */
    public static String modalityOf(String word) {
        return MODALITY_NAMES.getOrDefault(word, word);
    }

    /** Whether a query word matches a mask's modality (see the class comment); {@code sub} is null for none. */
    public static boolean matchesModality(String word, String base, @Nullable String sub) {
        String named = modalityOf(word);
        return base.equals(named) || word.equals(sub) || word.length() >= MODALITY_WORD_MIN_LENGTH
                && (base.startsWith(word + "_") || base.endsWith("_" + word));
    }
}

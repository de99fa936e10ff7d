package org.samed2d.explorer.search.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of dataset, case and label names for free-text search: lower case, split at anything that is not a
 * letter or digit, so {@code left_kidney}, {@code AMOS2022} and {@code amos_0004} give {@code left kidney},
 * {@code amos2022} and {@code amos 0004}. The same split applies to the query.
 */
public final class TextTokens {

    private TextTokens() {
    }

    public static Set<String> of(String... texts) {
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

    public static List<String> ofQuery(String query) {
        return List.copyOf(of(query));
    }
}

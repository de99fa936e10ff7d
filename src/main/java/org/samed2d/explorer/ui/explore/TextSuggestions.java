package org.samed2d.explorer.ui.explore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.samed2d.explorer.search.MaskCounts;
import org.samed2d.explorer.search.MaskFilter;

/**
 * What to offer when a search finds nothing: for a misspelt word the closest catalog name (label, dataset or
 * modality) within two edits, and the search without each word that is to blame, with what it would find.
 */
final class TextSuggestions {

    /** @param filter what the suggestion would apply; {@code masks} how many masks it finds */
    record Suggestion(String text, MaskFilter filter, long masks) {
    }

    private TextSuggestions() {
    }

    /**
     * @param vocabulary the catalog's names to correct words towards
     * @param count counts of a filter (a search call)
     */
    static List<Suggestion> of(MaskFilter filter, Collection<String> vocabulary, Function<MaskFilter, MaskCounts> count) {
        String text = filter.text();
        if (text == null) {
            return List.of();
        }
        List<String> words = List.of(text.strip().split("\\s+"));
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            Optional<String> closest = closest(word, vocabulary);
            if (closest.isPresent()) {
                List<String> corrected = new ArrayList<>(words);
                corrected.set(i, closest.get());
                add(suggestions, FilterEdit.withText(filter, String.join(" ", corrected)), count);
            }
            if (words.size() > 1) {
                List<String> rest = new ArrayList<>(words);
                rest.remove(i);
                add(suggestions, FilterEdit.withText(filter, String.join(" ", rest)), count);
            }
        }
        add(suggestions, FilterEdit.withText(filter, null), count);
        return suggestions.stream().distinct().limit(4).toList();
    }

    private static void add(List<Suggestion> suggestions, MaskFilter filter, Function<MaskFilter, MaskCounts> count) {
        long masks = count.apply(filter).masks();
        if (masks > 0 && suggestions.stream().noneMatch(s -> s.filter().equals(filter))) {
            suggestions.add(new Suggestion(filter.text() == null ? "without the search words" : filter.text(), filter, masks));
        }
    }

    /** The vocabulary name nearest the word in edits (at most two, fewer for short words), if any differs. */
    static Optional<String> closest(String word, Collection<String> vocabulary) {
        String lower = word.toLowerCase(Locale.ROOT);
        int allowed = lower.length() <= 4 ? 1 : 2;
        return vocabulary.stream().map(name -> name.toLowerCase(Locale.ROOT))
                .filter(name -> !name.equals(lower) && Math.abs(name.length() - lower.length()) <= allowed)
                .map(name -> java.util.Map.entry(name, distance(lower, name)))
                .filter(entry -> entry.getValue() <= allowed)
                .min(Comparator.<java.util.Map.Entry<String, Integer>>comparingInt(java.util.Map.Entry::getValue)
                        .thenComparing(java.util.Map.Entry::getKey))
                .map(java.util.Map.Entry::getKey);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

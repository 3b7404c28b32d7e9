package io.pilotcheck.source;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" hints: the known names closest to a misspelt one. */
public final class Suggestions {

    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Suggestions() {
    }

    /** {@code "; did you mean A or B?"}, or empty when there is nothing to suggest. */
    public static String didYouMean(List<String> suggestions) {
        return suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
    }

    /**
     * The candidates within a typo's reach of {@code wrong}, closest first, at most {@code limit}.
     * A candidate that contains the wrong name, or is contained in it, also counts (大连 → 大连市).
     */
    public static List<String> closest(String wrong, Collection<String> candidates, int limit) {
        String w = wrong.toLowerCase(Locale.ROOT);
        int reach = Math.max(2, w.length() / 3);
        return candidates.stream()
                .filter(c -> distance(w, c) <= reach || contains(w, c))
                .sorted(Comparator.comparingInt((String c) -> distance(w, c)).thenComparing(c -> c))
                .distinct()
                .limit(limit)
                .toList();
    }

    private static boolean contains(String w, String candidate) {
        String c = candidate.toLowerCase(Locale.ROOT);
        return !w.isEmpty() && (c.contains(w) || w.contains(c));
    }

    private static int distance(String w, String candidate) {
        return DISTANCE.apply(w, candidate.toLowerCase(Locale.ROOT));
    }
}

package dev.migralint.core.rule;

import java.util.Collection;
import java.util.Comparator;

/**
 * "Did you mean" for a mistyped rule id, shared by the config, suppression comments and the CLI: the
 * known id nearest by edit distance, when it is near enough to be a typo.
 */
public final class RuleIdSuggestion {
    private RuleIdSuggestion() {
    }

    /** {@code "; did you mean 'x'?"}, or the empty string when no known id is close. */
    public static String of(String unknown, Collection<String> known) {
        int limit = Math.max(2, unknown.length() / 4);
        return known.stream()
                .filter(id -> editDistance(id, unknown) <= limit)
                .min(Comparator.comparingInt((String id) -> editDistance(id, unknown)).thenComparing(id -> id))
                .map(id -> "; did you mean '" + id + "'?")
                .orElse("");
    }

    public static String of(String unknown, RuleRegistry registry) {
        return of(unknown, registry.all().stream().map(r -> r.meta().id()).toList());
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}

package dev.migralint.rules.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The words of an identifier, split at underscores, hyphens, spaces and camelCase humps, lower-cased. */
final class NameWords {
    private NameWords() {
    }

    static List<String> of(String name) {
        List<String> words = new ArrayList<>();
        for (String part : name.split("[_\\-\\s]+")) {
            for (String w : part.split("(?<=[a-z0-9])(?=[A-Z])")) {
                if (!w.isEmpty()) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }
}

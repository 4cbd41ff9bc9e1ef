package dev.migralint.rules.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The generated rule pages ({@code docs/rules/<id>.md}), bundled into this jar so that
 * {@code migralint explain <id>} prints exactly what the repository documents.
 */
public final class RuleDocs {
    /** Where the pages live on the class path. */
    public static final String RESOURCE_DIR = "/dev/migralint/rules/docs/";

    private RuleDocs() {
    }

    /** The page of a built-in rule; empty for an unknown id or a rule from another jar. */
    public static Optional<String> page(String ruleId) {
        if (!ruleId.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        return read(ruleId + ".md");
    }

    /** The rule index (docs/rules/README.md). */
    public static Optional<String> index() {
        return read("README.md");
    }

    private static Optional<String> read(String name) {
        try (InputStream in = RuleDocs.class.getResourceAsStream(RESOURCE_DIR + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule page " + name, e);
        }
    }
}

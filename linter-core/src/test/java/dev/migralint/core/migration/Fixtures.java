package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.LexResult;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The layout fixtures under {@code src/test/resources/layouts} and helpers to read what discovery found. */
final class Fixtures {
    private Fixtures() {
    }

    static Path root() {
        try {
            return Path.of(Fixtures.class.getResource("/layouts").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code text} to {@code path} under {@code root}, making its folders. */
    static void write(Path root, String path, String text) throws java.io.IOException {
        Path p = root.resolve(path);
        java.nio.file.Files.createDirectories(p.getParent());
        java.nio.file.Files.writeString(p, text);
    }

    static Discovery discover(String folder) {
        return discover(folder, Dialect.POSTGRESQL);
    }

    static Discovery discover(String folder, Dialect dialect) {
        return MigrationDiscovery.discover(List.of(Path.of(folder)), root(), dialect, Map.of());
    }

    static MigrationChain onlyChain(Discovery d) {
        if (d.chains().size() != 1) {
            throw new AssertionError("expected one chain, got " + d.chains());
        }
        return d.chains().get(0);
    }

    static List<String> versions(MigrationChain c) {
        return c.migrations().stream().map(m -> m.version() == null ? "R:" + m.description() : m.version()).toList();
    }

    static String fileName(MigrationScript s) {
        return s == null ? null : s.file().path().getFileName().toString();
    }

    /**
     * The statements of a script as the parser sees them: lexed with the script's options, split, and
     * taken from the script's text (a file's other sections are blanks there).
     */
    static List<String> statements(MigrationScript s) {
        LexResult lexed = Lexer.lex(s.text(), s.options().lexOptions(LexOptions.of(Dialect.POSTGRESQL)));
        List<ScriptStatement> st = Splitter.split(s.file(), lexed, s.options().splitStatements(), s.options().unsplitBlocks());
        return st.stream().map(ScriptStatement::sql).toList();
    }
}

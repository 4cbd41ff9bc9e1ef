package dev.migralint.core.analysis;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The clauses of a MySQL ALTER TABLE that the change model keeps opaque, read as words: the
 * {@code ALGORITHM=} and {@code LOCK=} options, and table options such as
 * {@code CONVERT TO CHARACTER SET}. An opaque action of a modelled ALTER TABLE carries its own
 * clause's range; an ALTER TABLE with no modelled action is one opaque change over the statement,
 * whose table and clauses are read here.
 */
public final class AlterClauses {
    /**
     * {@code algorithm} and {@code lock} upper-case as written (DEFAULT, INSTANT, INPLACE, COPY; NONE,
     * SHARED, EXCLUSIVE) or null; {@code clauses} the opaque clauses, each as its first words
     * (lower-case) and operators; {@code table} the table of a wholly opaque ALTER TABLE, else null.
     */
    public record Options(String algorithm, String lock, List<List<String>> clauses, ObjectName table) {
        public Options {
            clauses = List.copyOf(clauses);
        }
    }

    private static final int WORDS = 4;

    private AlterClauses() {
    }

    /** Reads the opaque clauses among a MySQL statement's {@code changes}. */
    public static Options read(String source, List<SchemaChange> changes) {
        List<List<String>> clauses = new ArrayList<>();
        ObjectName table = null;
        for (SchemaChange c : changes) {
            if (!(c instanceof SchemaChange.Opaque)) {
                continue;
            }
            String text = source.substring(c.range().start(), c.range().end());
            List<Token> tokens = Lexer.lex(text, LexOptions.of(Dialect.MYSQL)).tokens().stream()
                    .filter(t -> !t.isComment()).toList();
            TokenCursor t = new TokenCursor(text, tokens, Dialect.MYSQL);
            int i = 0;
            if (t.isWord(0, "alter")) {
                i = 1;
                while (t.isWord(i, "online") || t.isWord(i, "ignore")) {
                    i++;
                }
                TokenCursor.QualifiedName name = t.isWord(i, "table") ? t.qualifiedName(i + 1) : null;
                if (name == null) {
                    continue;
                }
                table = ObjectName.of(name);
                i = name.end();
            }
            for (int[] part : t.splitTopLevel(i, t.size())) {
                List<String> words = new ArrayList<>();
                for (int k = part[0]; k < part[1] && words.size() < WORDS; k++) {
                    String w = t.word(k);
                    words.add(w.isEmpty() ? t.text(k) : w);
                }
                clauses.add(words);
            }
        }
        String algorithm = null;
        String lock = null;
        for (List<String> words : clauses) {
            int value = words.size() >= 3 && words.get(1).equals("=") ? 2 : 1;
            if (words.size() > value && words.get(0).equals("algorithm")) {
                algorithm = words.get(value).toUpperCase(Locale.ROOT);
            } else if (words.size() > value && words.get(0).equals("lock")) {
                lock = words.get(value).toUpperCase(Locale.ROOT);
            }
        }
        return new Options(algorithm, lock, clauses, table);
    }
}

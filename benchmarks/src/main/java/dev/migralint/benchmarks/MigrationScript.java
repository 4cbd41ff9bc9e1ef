package dev.migralint.benchmarks;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A benchmark input of exactly {@link #STATEMENTS} PostgreSQL statements with their comments. From
 * the corpus (real migrations, in file order, cycled if there are too few) when it can be found, else
 * generated from templates that resemble a migration history.
 */
record MigrationScript(String text, String origin) {
    /** A constant, because {@code @OperationsPerInvocation} needs one. */
    static final int STATEMENTS = 1000;

    /** Real PostgreSQL migration histories, relative to the corpus root. */
    private static final List<String> CORPUS_FOLDERS = List.of(
            "migrations/rust-lang_crates.io", "migrations/goharbor_harbor", "migrations/rust-lang_docs.rs");

    static MigrationScript load() {
        Path corpus = findCorpus();
        if (corpus != null) {
            List<Path> files = new ArrayList<>();
            for (String folder : CORPUS_FOLDERS) {
                files.addAll(sqlFiles(corpus.resolve(folder)));
            }
            if (!files.isEmpty()) {
                return new MigrationScript(fromFiles(files), "corpus " + corpus + " " + CORPUS_FOLDERS);
            }
        }
        return new MigrationScript(generated(), "generated script (corpus not found; set -Dmigralint.corpus=DIR)");
    }

    /** {@code -Dmigralint.corpus}, else ../shared/corpus from the working directory or its parent. */
    private static Path findCorpus() {
        String configured = System.getProperty("migralint.corpus");
        List<Path> candidates = configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("../shared/corpus"), Path.of("../../shared/corpus"));
        return candidates.stream().filter(Files::isDirectory).findFirst()
                .map(p -> p.toAbsolutePath().normalize()).orElse(null);
    }

    private static List<Path> sqlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each SQL statement with the comments before it, joined with ";". Statements the splitter marks
     * as not SQL (psql meta-commands, unterminated text) are left out so the count stays exact.
     */
    private static String fromFiles(List<Path> files) {
        StringBuilder out = new StringBuilder();
        int count = 0;
        while (count < STATEMENTS) {
            for (Path p : files) {
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(p)))
                            .toString();
                } catch (CharacterCodingException e) {
                    // Not UTF-8: not what the linter reads either.
                    continue;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                SourceFile file = SourceFile.of(p.toString(), text);
                for (ScriptStatement s : Splitter.split(file, Lexer.lex(text, LexOptions.of(Dialect.POSTGRESQL)))) {
                    if (s.kind() != ScriptStatement.Kind.SQL) {
                        continue;
                    }
                    StringBuilder piece = new StringBuilder();
                    for (Token c : s.leadingComments()) {
                        piece.append(c.text(text)).append('\n');
                    }
                    piece.append(s.text());
                    if (!s.tokens().isEmpty() && s.tokens().get(s.tokens().size() - 1).isComment()) {
                        // A statement that ran to the end of its file can end in a line comment.
                        piece.append('\n');
                    }
                    piece.append(";\n\n");
                    // Out of its file, a statement may split differently (e.g. one in a BEGIN ATOMIC
                    // body): keep only those that stand alone, so the count stays exact.
                    if (!standsAlone(piece.toString())) {
                        continue;
                    }
                    out.append(piece);
                    if (++count == STATEMENTS) {
                        return out.toString();
                    }
                }
            }
            if (count == 0) {
                break;
            }
        }
        return count == STATEMENTS ? out.toString() : generated();
    }

    private static boolean standsAlone(String piece) {
        SourceFile f = SourceFile.of("piece.sql", piece);
        List<ScriptStatement> split = Splitter.split(f, Lexer.lex(piece, LexOptions.of(Dialect.POSTGRESQL)));
        return split.size() == 1 && split.get(0).kind() == ScriptStatement.Kind.SQL;
    }

    /** A made-up migration history: tables, columns, indexes, constraints, data fixes, functions. */
    static String generated() {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (int t = 0; n < STATEMENTS; t++) {
            String table = "table_" + t;
            String[] statements = {
                "-- V" + t + ": " + table + "\nCREATE TABLE " + table + " (\n"
                        + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                        + "    account_id bigint NOT NULL REFERENCES accounts (id),\n"
                        + "    name text NOT NULL,\n    status varchar(32) NOT NULL DEFAULT 'new',\n"
                        + "    payload jsonb,\n    created_at timestamptz NOT NULL DEFAULT now()\n)",
                "CREATE INDEX CONCURRENTLY " + table + "_account_id_idx ON " + table + " (account_id)",
                "ALTER TABLE " + table + " ADD COLUMN updated_at timestamptz",
                "ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_name_check CHECK (length(name) > 0) NOT VALID",
                "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + table + "_name_check",
                "INSERT INTO " + table + " (account_id, name, status) VALUES (1, 'first', 'new'), (2, 'second', 'done')",
                "UPDATE " + table + " SET status = 'archived' WHERE created_at < now() - interval '1 year'",
                "/* keep the audit trail in sync */\nCREATE OR REPLACE FUNCTION " + table + "_touch() RETURNS trigger AS $$\n"
                        + "BEGIN\n  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql",
                "COMMENT ON TABLE " + table + " IS 'rows of " + table + "'",
                "DROP INDEX IF EXISTS " + table + "_old_idx",
            };
            for (String s : statements) {
                if (n == STATEMENTS) {
                    break;
                }
                out.append(s).append(";\n\n");
                n++;
            }
        }
        return out.toString();
    }
}

package dev.migralint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.LexProblem;
import dev.migralint.core.lex.LexResult;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs lexer, splitter and parser over the shared corpus of real SQL: nothing may throw, every
 * offset must stay inside its file and statement, and the parse rate must not fall below what
 * was measured when this was written. Prints the rates and the most common failures.
 */
@Tag("slow")
class CorpusFrontEndTest {
    private static final Path CORPUS = corpus();

    private static Path corpus() {
        Path dir = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(dir.resolve("linter-core")) ? dir : dir.getParent();
        return root.resolve("../shared/corpus").normalize();
    }

    /** Files up to this size are parsed; larger ones (bulk INSERT dumps) are only lexed and split, for time. */
    private static final int PARSE_LIMIT = 300_000;

    @Test
    void migrations() throws IOException {
        Rates rates = run("migrations", PARSE_LIMIT);
        assertThat(rates.understood()).isGreaterThan(0.96);
    }

    @Test
    void schemas() throws IOException {
        Rates rates = run("schemas", PARSE_LIMIT);
        assertThat(rates.understood()).isGreaterThan(0.98);
    }

    /** The PostgreSQL regression suite is lexed and split only: parsing its 53,000 statements takes a while. */
    @Test
    void postgresRegressionSuiteLexesAndSplits() throws IOException {
        Rates rates = run("peer-fixtures/sbdchd_squawk/postgres/regression_suite", 0);
        assertThat(rates.statements).isGreaterThan(50_000);
    }

    private static final class Rates {
        int statements;
        int parsed;
        int recognized;
        int skipped;
        int unparsed;
        final Map<String, Integer> failures = new HashMap<>();

        double understood() {
            return (parsed + recognized) / (double) Math.max(1, parsed + recognized + unparsed);
        }
    }

    private Rates run(String folder, int parseLimit) throws IOException {
        Path root = CORPUS.resolve(folder);
        assumeTrue(Files.isDirectory(root), "corpus not found at " + root + "; skipping the corpus test");
        Rates rates = new Rates();
        Map<Dialect, StatementParser> parsers = new HashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        for (Path path : files) {
            String text = read(path);
            Dialect dialect = path.toString().toLowerCase(Locale.ROOT).contains("mysql") ? Dialect.MYSQL : Dialect.POSTGRESQL;
            SourceFile file = new SourceFile(path, root.relativize(path).toString(), text);
            LexResult lexed = Lexer.lex(text, new LexOptions(dialect, Map.of(), file.displayPath().contains("OHDSI")));
            checkLexed(file, lexed);
            List<ScriptStatement> statements = Splitter.split(file, lexed);
            StatementParser parser = parsers.computeIfAbsent(dialect, StatementParser::new);
            boolean parse = text.length() <= parseLimit;
            for (ScriptStatement statement : statements) {
                rates.statements++;
                checkStatement(file, lexed, statement);
                if (parse) {
                    count(rates, parser.parse(statement));
                }
            }
        }
        System.out.printf("corpus %s: %d files, %d statements", folder, files.size(), rates.statements);
        if (parseLimit > 0) {
            System.out.printf(", parsed %d, recognized %d, skipped %d, unparsed %d (%.1f%% understood)%n",
                    rates.parsed, rates.recognized, rates.skipped, rates.unparsed, 100 * rates.understood());
            rates.failures.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(10)
                    .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
        } else {
            System.out.println();
        }
        return rates;
    }

    private static String read(Path path) throws IOException {
        try {
            return Files.readString(path);
        } catch (MalformedInputException e) {
            return new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
        }
    }

    private static void checkLexed(SourceFile file, LexResult lexed) {
        String text = file.text();
        assertThat(lexed.maskedText()).as(file.displayPath()).hasSameSizeAs(text);
        int at = 0;
        for (Token t : lexed.tokens()) {
            if (t.start() < at || t.end() <= t.start() || t.end() > text.length()) {
                throw new AssertionError(file.displayPath() + ": token out of order or range: " + t);
            }
            at = t.end();
        }
        for (LexProblem p : lexed.problems()) {
            assertThat(p.offset()).as(file.displayPath()).isBetween(0, text.length());
        }
    }

    private static void checkStatement(SourceFile file, LexResult lexed, ScriptStatement s) {
        assertThat(s.sql()).as(file.displayPath()).isEqualTo(lexed.maskedText().substring(s.range().start(), s.range().end()));
        for (Token t : s.tokens()) {
            if (!s.range().contains(t.range())) {
                throw new AssertionError(file.displayPath() + ": token " + t + " outside statement " + s.range());
            }
        }
    }

    private static void count(Rates rates, ParsedStatement p) {
        if (p instanceof ParsedStatement.Parsed) {
            rates.parsed++;
        } else if (p instanceof ParsedStatement.Recognized) {
            rates.recognized++;
        } else if (p instanceof ParsedStatement.Skipped) {
            rates.skipped++;
        } else if (p instanceof ParsedStatement.Unparsed u) {
            rates.unparsed++;
            ScriptStatement s = u.statement();
            assertThat(u.errorOffset()).as(s.file().displayPath()).isBetween(s.range().start(), s.range().end());
            assertThat(u.message()).isNotBlank();
            List<Token> head = s.significantTokens();
            String key = head.stream().limit(2).map(t -> t.text(s.file().text()).toUpperCase(Locale.ROOT))
                    .reduce((a, b) -> a + " " + b).orElse("");
            rates.failures.merge(key, 1, Integer::sum);
        }
    }
}

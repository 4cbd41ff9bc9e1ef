package dev.migralint.core.parse;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ChangeReader;
import dev.migralint.core.change.Reading;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.split.ScriptStatement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.parser.feature.FeatureConfiguration;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses one statement: first with the token grammar ({@link ChangeReader}), and only when that does
 * not recognize the statement to its end, with JSqlParser, whose tree serves the query and DML
 * analysis. One instance per thread; it is reusable, and no statement's result depends on the
 * statements parsed before it.
 *
 * <p>JSqlParser's convenience methods run every parse on a new thread to enforce a timeout, which
 * costs several times the parse itself; this class calls the generated parser directly, over
 * feature configurations prepared once, and reuses it where that is safe (see {@link #parserFor}).
 *
 * <p>The first attempt runs without JSqlParser's "complex parsing", whose backtracking can take
 * exponential time; the retry with it is limited to statements short enough to stay fast. Before it,
 * {@link ParseRewrites} bridges a few forms JSqlParser lacks. On the PostgreSQL regression suite
 * complex parsing rescued 4 of about 8,000 failing statements, at about 5% of the parse time.
 */
public final class StatementParser {
    /** Statements longer than this (in chars) are not retried with complex parsing. */
    static final int COMPLEX_PARSING_LIMIT = 4_000;
    /** How many key words used as names one statement may have quoted for a retry. */
    private static final int MAX_QUOTED_WORDS = 3;
    private static final int MAX_REUSES = 64;
    /**
     * Deepest bracket nesting handed to JSqlParser. Its time grows faster than linearly with the depth
     * (1,000 levels took 2.5 s, 10,000 levels 212 s); real statements stay far below this.
     */
    public static final int MAX_NESTING = 100;

    private final Dialect dialect;
    private final FeatureConfiguration simple;
    private final FeatureConfiguration complex;
    /** A parser that last finished a parse cleanly, and how often it has been reused; null after a failure. */
    private CCJSqlParser reusable;
    private int reuses;
    private long jsqlParserCalls;

    public StatementParser(Dialect dialect) {
        this.dialect = dialect;
        this.simple = configuration(dialect, false);
        this.complex = configuration(dialect, true);
    }

    private static FeatureConfiguration configuration(Dialect dialect, boolean complexParsing) {
        CCJSqlParser template = new CCJSqlParser(new StringProvider(""));
        switch (dialect) {
            case POSTGRESQL -> template.withDialect(AbstractJSqlParser.Dialect.POSTGRESQL);
            case MYSQL -> template.withDialect(AbstractJSqlParser.Dialect.MYSQL);
            case GENERIC -> template.withDialect(AbstractJSqlParser.Dialect.ANSI_SQL);
        }
        template.withAllowComplexParsing(complexParsing);
        return template.getConfiguration();
    }

    public ParsedStatement parse(ScriptStatement statement) {
        return switch (statement.kind()) {
            case META_COMMAND -> new ParsedStatement.Skipped(statement, "psql meta-command");
            case UNTERMINATED -> unterminated(statement);
            case SQL -> parseSql(statement);
        };
    }

    /** How many statements reached JSqlParser: tests check that recognized statements never do. */
    long jsqlParserCalls() {
        return jsqlParserCalls;
    }

    private ParsedStatement unterminated(ScriptStatement statement) {
        for (Token token : statement.tokens()) {
            if (token.kind() == TokenKind.UNTERMINATED) {
                String text = statement.file().text();
                String opening = text.substring(token.start(), Math.min(token.end(), token.start() + 80));
                return new ParsedStatement.Unparsed(statement, token.start(),
                        Lexer.describeUnterminated(opening, dialect), ChangeReader.read(statement, dialect).changes());
            }
        }
        return new ParsedStatement.Unparsed(statement, statement.range().start(), "unterminated statement",
                ChangeReader.read(statement, dialect).changes());
    }

    private ParsedStatement parseSql(ScriptStatement statement) {
        Reading reading = ChangeReader.read(statement, dialect);
        if (reading.complete()) {
            return new ParsedStatement.Recognized(statement, reading.changes());
        }
        // Statements no rule reads (GRANT, COMMENT ON, cursors, operators, ...) are left out before
        // JSqlParser runs: its verdict on them would change nothing but the time taken.
        Optional<String> notAnalysed = reading.modelled() ? Optional.empty() : ChangeReader.notAnalysed(statement, dialect);
        if (notAnalysed.isPresent()) {
            return new ParsedStatement.Skipped(statement, notAnalysed.get());
        }
        int tooDeep = tooDeepAt(statement);
        if (tooDeep >= 0) {
            return new ParsedStatement.Unparsed(statement, tooDeep, "brackets nested deeper than " + MAX_NESTING
                    + " levels; the statement was not parsed", reading.changes());
        }
        jsqlParserCalls++;
        Statement ast = parseWithJSqlParser(statement);
        if (ast != null) {
            return new ParsedStatement.Parsed(statement, ast, AstChanges.of(ast, reading, statement.range(), dialect));
        }
        if (reading.modelled()) {
            Optional<String> unread = ChangeReader.notAnalysed(statement, dialect);
            if (unread.isPresent()) {
                return new ParsedStatement.Skipped(statement, unread.get());
            }
        }
        ParseErrors.Located error = ParseErrors.locate(statement, failure.offset, failure.error);
        return new ParsedStatement.Unparsed(statement, error.offset(), error.message(), reading.changes());
    }

    /** The offset of the first bracket deeper than {@link #MAX_NESTING}, or -1. */
    private static int tooDeepAt(ScriptStatement statement) {
        String text = statement.file().text();
        int depth = 0;
        for (Token t : statement.tokens()) {
            if (t.kind() != TokenKind.OPERATOR || t.end() - t.start() != 1) {
                continue;
            }
            char c = text.charAt(t.start());
            if (c == '(' || c == '[') {
                if (++depth > MAX_NESTING) {
                    return t.start();
                }
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return -1;
    }

    /** The furthest-reaching failed attempt of the last {@link #parseWithJSqlParser} that returned null. */
    private Attempt failure;

    /** JSqlParser's tree, or null after every attempt failed ({@link #failure} then says why). */
    private Statement parseWithJSqlParser(ScriptStatement statement) {
        String text = ParseRewrites.withoutBlankLines(statement);
        Attempt furthest = attempt(text, simple);
        if (furthest.ast != null) {
            return furthest.ast;
        }
        String rewritten = ParseRewrites.rewrite(statement, text, dialect);
        if (!rewritten.equals(text)) {
            text = rewritten;
            Attempt again = attempt(text, simple);
            if (again.ast != null) {
                return again.ast;
            }
            furthest = furthest(furthest, again);
        }
        if (text.length() <= COMPLEX_PARSING_LIMIT) {
            Attempt complexAttempt = attempt(text, complex);
            if (complexAttempt.ast != null) {
                return complexAttempt.ast;
            }
            furthest = furthest(furthest, complexAttempt);
        }
        Statement quoted = parseWithQuotedWords(statement, text, furthest.offset);
        if (quoted != null) {
            return quoted;
        }
        failure = furthest;
        return null;
    }

    /**
     * Retries with words JSqlParser took for key words quoted. Errors of
     * these retries are not reported: quoting a true key word only moves the complaint elsewhere.
     */
    private Statement parseWithQuotedWords(ScriptStatement statement, String text, int errorOffset) {
        if (dialect == Dialect.GENERIC) {
            return null;
        }
        Map<Integer, Integer> quoted = new HashMap<>();
        int offset = errorOffset;
        while (quoted.size() < MAX_QUOTED_WORDS) {
            String retry = ParseRewrites.quoteWord(statement, text, offset, quoted, dialect);
            if (retry == null) {
                return null;
            }
            text = retry;
            Attempt attempt = attempt(text, simple);
            if (attempt.ast != null) {
                return attempt.ast;
            }
            offset = attempt.offset;
        }
        return null;
    }

    /** The attempt that read further: its error is usually the one that names the real problem. */
    private static Attempt furthest(Attempt a, Attempt b) {
        return b.offset > a.offset ? b : a;
    }

    /**
     * A parser over {@code sql}. A parser that just parsed a statement successfully is reused through
     * {@code ReInit}, which saves about a fifth of the parse time; after a failure its counters (open
     * brackets, CASE depth) may be off, so a fresh one is built, and also every {@link #MAX_REUSES}
     * statements, because {@code ReInit} keeps lookahead caches and tree nodes of earlier statements.
     */
    private CCJSqlParser parserFor(String sql, FeatureConfiguration configuration) {
        CCJSqlParser parser = reusable;
        reusable = null;
        if (parser != null && configuration == simple && ++reuses < MAX_REUSES) {
            parser.ReInit(new StringProvider(sql));
            return parser;
        }
        reuses = 0;
        return new CCJSqlParser(new StringProvider(sql)).withConfiguration(configuration);
    }

    /** A parse outcome: the tree, or the error with its offset into the statement text. */
    private record Attempt(Statement ast, int offset, Throwable error) {
    }

    private Attempt attempt(String sql, FeatureConfiguration configuration) {
        CCJSqlParser parser = parserFor(sql, configuration);
        try {
            Statement ast = parser.Statement();
            net.sf.jsqlparser.parser.Token next = parser.getNextToken();
            if (ast != null && next.kind == CCJSqlParserConstants.EOF) {
                reusable = configuration == simple ? parser : null;
                return new Attempt(ast, 0, null);
            }
            // Statement() stops after a ';': what follows would be a second statement in one.
            ParseException trailing = new ParseException("trailing text after the statement");
            trailing.currentToken = new net.sf.jsqlparser.parser.Token();
            trailing.currentToken.next = next;
            return new Attempt(null, ParseErrors.offsetOf(sql, next), trailing);
        } catch (ParseException e) {
            net.sf.jsqlparser.parser.Token at = e.currentToken == null ? null : e.currentToken.next;
            return new Attempt(null, at == null ? 0 : ParseErrors.offsetOf(sql, at), e);
        } catch (TokenMgrException e) {
            return new Attempt(null, ParseErrors.offsetOf(sql, e), e);
        } catch (RuntimeException | StackOverflowError e) {
            // JSqlParser throws unchecked exceptions from semantic checks and overflows on deep nesting.
            return new Attempt(null, 0, e);
        }
    }
}

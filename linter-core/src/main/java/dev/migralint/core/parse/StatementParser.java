package dev.migralint.core.parse;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.split.ScriptStatement;
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
 * Parses one statement with JSqlParser, falling back to {@link TokenRecognizer}. One instance per
 * thread; it is reusable and keeps no state between statements.
 *
 * <p>JSqlParser's convenience methods run every parse on a new thread to enforce a timeout, which
 * costs several times the parse itself; this class calls the generated parser directly. A fresh
 * {@link CCJSqlParser} is built per statement over a feature configuration prepared once:
 * {@code ReInit} would keep the previous statement's lookahead caches and tree stack (memory that
 * grows with the file) and saves nothing measurable over construction.
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

    private final Dialect dialect;
    private final FeatureConfiguration simple;
    private final FeatureConfiguration complex;

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

    private ParsedStatement unterminated(ScriptStatement statement) {
        for (Token token : statement.tokens()) {
            if (token.kind() == TokenKind.UNTERMINATED) {
                String text = statement.file().text();
                String opening = text.substring(token.start(), Math.min(token.end(), token.start() + 80));
                return new ParsedStatement.Unparsed(statement, token.start(),
                        Lexer.describeUnterminated(opening, dialect));
            }
        }
        return new ParsedStatement.Unparsed(statement, statement.range().start(), "unterminated statement");
    }

    private ParsedStatement parseSql(ScriptStatement statement) {
        String text = statement.sql();
        Attempt last = attempt(text, simple);
        if (last.ast != null) {
            return new ParsedStatement.Parsed(statement, last.ast);
        }
        Attempt furthest = last;
        String rewritten = ParseRewrites.rewrite(statement, dialect);
        if (!rewritten.equals(text)) {
            text = rewritten;
            last = attempt(text, simple);
            if (last.ast != null) {
                return new ParsedStatement.Parsed(statement, last.ast);
            }
            furthest = furthest(furthest, last);
        }
        for (int quoted = 0; quoted < MAX_QUOTED_WORDS && dialect == Dialect.POSTGRESQL; quoted++) {
            String retry = ParseRewrites.quoteWord(statement, text, last.offset);
            if (retry == null) {
                break;
            }
            text = retry;
            last = attempt(text, simple);
            if (last.ast != null) {
                return new ParsedStatement.Parsed(statement, last.ast);
            }
            furthest = furthest(furthest, last);
        }
        if (text.length() <= COMPLEX_PARSING_LIMIT) {
            last = attempt(text, complex);
            if (last.ast != null) {
                return new ParsedStatement.Parsed(statement, last.ast);
            }
            furthest = furthest(furthest, last);
        }
        Optional<RecognizedStatement> recognized = TokenRecognizer.recognize(statement, dialect);
        if (recognized.isPresent()) {
            return new ParsedStatement.Recognized(statement, recognized.get());
        }
        Optional<String> notAnalysed = TokenRecognizer.notAnalysed(statement, dialect);
        if (notAnalysed.isPresent()) {
            return new ParsedStatement.Skipped(statement, notAnalysed.get());
        }
        ParseErrors.Located error = ParseErrors.locate(statement, furthest.offset, furthest.error);
        return new ParsedStatement.Unparsed(statement, error.offset(), error.message());
    }

    /** The attempt that read further: its error is usually the one that names the real problem. */
    private static Attempt furthest(Attempt a, Attempt b) {
        return b.offset > a.offset ? b : a;
    }

    /** A parse outcome: the tree, or the error with its offset into the statement text. */
    private record Attempt(Statement ast, int offset, Throwable error) {
    }

    private static Attempt attempt(String sql, FeatureConfiguration configuration) {
        CCJSqlParser parser = new CCJSqlParser(new StringProvider(sql)).withConfiguration(configuration);
        try {
            Statement ast = parser.Statement();
            net.sf.jsqlparser.parser.Token next = parser.getNextToken();
            if (ast != null && next.kind == CCJSqlParserConstants.EOF) {
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

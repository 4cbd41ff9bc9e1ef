package dev.migralint.core.query;

import java.io.Reader;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.impl.ParseException;
import org.apache.calcite.sql.parser.impl.SqlParserImpl;
import org.apache.calcite.util.SourceStringReader;

/**
 * Calcite's parser without the expensive part of a syntax error. Its generated parser words an error
 * by running every lookahead of the grammar again to list the tokens it expected; on the PostgreSQL
 * regression suite, where Calcite cannot parse many PostgreSQL forms, that was half of all the time
 * spent in Calcite. migralint only needs to know that the parse failed (the query is then skipped),
 * so the error carries the token it stopped at and no expected tokens.
 */
final class QuietCalciteParser extends SqlParserImpl {
    static final SqlParserImplFactory FACTORY = QuietCalciteParser::create;

    private QuietCalciteParser(Reader reader) {
        super(reader);
    }

    private static QuietCalciteParser create(Reader reader) {
        QuietCalciteParser parser = new QuietCalciteParser(reader);
        if (reader instanceof SourceStringReader source) {
            parser.setOriginalSql(source.getSourceString());
        }
        return parser;
    }

    @Override
    public ParseException generateParseException() {
        return new ParseException(token, new int[0][], tokenImage);
    }
}

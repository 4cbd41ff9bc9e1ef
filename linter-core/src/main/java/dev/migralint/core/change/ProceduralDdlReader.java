package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import dev.migralint.core.split.Splitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads the DDL statements inside a PostgreSQL {@code DO $$ ... $$} block. The body is lexed in place
 * (everything around it blanked, so offsets stay those of the file) and split at semicolons; in each
 * piece, a CREATE, ALTER or DROP that starts it or follows THEN, ELSE, BEGIN or LOOP is read as a
 * statement of its own.
 */
final class ProceduralDdlReader {
    private ProceduralDdlReader() {
    }

    private static final Set<String> DDL_WORDS = Set.of("create", "alter", "drop");
    private static final Set<String> BLOCK_WORDS = Set.of("then", "else", "begin", "loop");

    static SchemaChange.ProceduralDdl read(ScriptStatement statement, Dialect dialect) {
        if (dialect == Dialect.MYSQL) {
            return null;
        }
        String text = statement.file().text();
        List<Token> tokens = statement.significantTokens();
        if (tokens.isEmpty() || !tokens.get(0).isWord(text, "do")) {
            return null;
        }
        Token body = tokens.stream().filter(t -> t.kind() == TokenKind.DOLLAR_STRING).findFirst().orElse(null);
        if (body == null) {
            return null;
        }
        int tag = text.indexOf('$', body.start() + 1) - body.start() + 1;
        int bodyStart = body.start() + tag;
        int bodyEnd = body.end() - tag;
        if (tag <= 0 || bodyEnd <= bodyStart) {
            return null;
        }
        char[] padded = new char[text.length()];
        Arrays.fill(padded, ' ');
        text.getChars(bodyStart, bodyEnd, padded, bodyStart);
        String paddedText = new String(padded);
        SourceFile paddedFile = SourceFile.of(statement.file().displayPath(), paddedText);
        List<SchemaChange> changes = new ArrayList<>();
        for (ScriptStatement piece : Splitter.split(paddedFile, Lexer.lex(paddedText, LexOptions.of(dialect)))) {
            List<Token> pt = piece.significantTokens();
            for (int i = 0; i < pt.size(); i++) {
                Token tok = pt.get(i);
                boolean ddl = tok.kind() == TokenKind.WORD && DDL_WORDS.contains(tok.text(paddedText).toLowerCase());
                boolean starts = i == 0 || (pt.get(i - 1).kind() == TokenKind.WORD
                        && BLOCK_WORDS.contains(pt.get(i - 1).text(paddedText).toLowerCase()));
                if (ddl && starts) {
                    Token last = pt.get(pt.size() - 1);
                    TextRange range = new TextRange(tok.start(), last.end());
                    ScriptStatement ddlStatement = new ScriptStatement(statement.file(), statement.index(), range,
                            paddedText.substring(range.start(), range.end()), pt.subList(i, pt.size()), List.of(),
                            ScriptStatement.Kind.SQL);
                    for (SchemaChange c : ChangeReader.read(ddlStatement, dialect).changes()) {
                        if (!(c instanceof SchemaChange.Opaque)) {
                            changes.add(c);
                        }
                    }
                    break;
                }
            }
        }
        return changes.isEmpty() ? null : new SchemaChange.ProceduralDdl(changes, statement.range());
    }
}

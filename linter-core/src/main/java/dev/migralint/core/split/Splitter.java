package dev.migralint.core.split;

import dev.migralint.core.lex.LexResult;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a lexed script into statements at its terminators, as the database client would.
 *
 * <p>Like psql, a terminator inside parentheses does not end a statement (CREATE RULE ... DO
 * (stmt; stmt)), and neither does one inside a SQL-standard function body ({@code BEGIN ATOMIC ...
 * END}, PostgreSQL 14). A psql meta-command is a statement of its own and ends any statement in
 * progress, as {@code \gset} does. Comments before a statement become its leading comments;
 * comments after the last statement belong to none (they remain in {@link LexResult#tokens()}).
 */
public final class Splitter {
    private final SourceFile file;
    private final String masked;
    private final List<ScriptStatement> out = new ArrayList<>();

    private List<Token> pendingComments = new ArrayList<>();
    private final List<Token> current = new ArrayList<>();
    private int parenDepth;
    private boolean inAtomicBody;
    private int caseDepth;
    private Token previousSignificant;

    private Splitter(SourceFile file, LexResult lexed) {
        this.file = file;
        this.masked = lexed.maskedText();
    }

    public static List<ScriptStatement> split(SourceFile file, LexResult lexed) {
        Splitter splitter = new Splitter(file, lexed);
        for (Token token : lexed.tokens()) {
            splitter.accept(token);
        }
        splitter.flush();
        return List.copyOf(splitter.out);
    }

    private void accept(Token token) {
        switch (token.kind()) {
            case COPY_DATA, DELIMITER_DIRECTIVE -> flush();
            case META_COMMAND -> {
                flush();
                add(List.of(token), ScriptStatement.Kind.META_COMMAND);
            }
            case LINE_COMMENT, BLOCK_COMMENT -> {
                if (current.isEmpty()) {
                    pendingComments.add(token);
                } else {
                    current.add(token);
                }
            }
            case DELIMITER -> {
                if (parenDepth > 0 || inAtomicBody) {
                    current.add(token);
                } else {
                    flush();
                }
            }
            default -> {
                current.add(token);
                trackNesting(token);
                previousSignificant = token;
            }
        }
    }

    private void trackNesting(Token token) {
        if (token.kind() == TokenKind.OPERATOR && token.end() - token.start() == 1) {
            char c = masked.charAt(token.start());
            if (c == '(') {
                parenDepth++;
            } else if (c == ')' && parenDepth > 0) {
                parenDepth--;
            }
        } else if (token.kind() == TokenKind.WORD) {
            if (inAtomicBody) {
                if (token.isWord(masked, "CASE")) {
                    caseDepth++;
                } else if (token.isWord(masked, "END")) {
                    if (caseDepth > 0) {
                        caseDepth--;
                    } else {
                        inAtomicBody = false;
                    }
                }
            } else if (token.isWord(masked, "ATOMIC") && previousSignificant != null
                    && previousSignificant.isWord(masked, "BEGIN") && current.get(0).isWord(masked, "CREATE")) {
                inAtomicBody = true;
                caseDepth = 0;
            }
        }
    }

    private void flush() {
        if (!current.isEmpty()) {
            boolean unterminated = current.stream().anyMatch(t -> t.kind() == TokenKind.UNTERMINATED);
            add(current, unterminated ? ScriptStatement.Kind.UNTERMINATED : ScriptStatement.Kind.SQL);
            current.clear();
        }
        parenDepth = 0;
        inAtomicBody = false;
        caseDepth = 0;
        previousSignificant = null;
    }

    private void add(List<Token> tokens, ScriptStatement.Kind kind) {
        int end = tokens.size();
        // Trailing terminators kept inside an unclosed body still end the statement's text.
        while (end > 1 && tokens.get(end - 1).kind() == TokenKind.DELIMITER) {
            end--;
        }
        List<Token> body = tokens.subList(0, end);
        TextRange range = new TextRange(body.get(0).start(), body.get(end - 1).end());
        out.add(new ScriptStatement(file, out.size(), range, masked.substring(range.start(), range.end()),
                body, pendingComments, kind));
        pendingComments = new ArrayList<>();
    }
}

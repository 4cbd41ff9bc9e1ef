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
 * (stmt; stmt)), and neither does one inside a routine body: a SQL-standard function body
 * ({@code BEGIN ATOMIC ... END}, PostgreSQL 14), or a MySQL procedure, function, trigger or event
 * body ({@code BEGIN ... END}) that a driver sends as one statement, without a DELIMITER line. A psql meta-command is a statement of its own and ends any statement in
 * progress, as {@code \gset} does. Comments before a statement become its leading comments;
 * comments after the last statement belong to none (they remain in {@link LexResult#tokens()}).
 *
 * <p>A migration tool may cut differently: with {@code splitStatements} false the whole script is
 * one statement (Liquibase {@code splitStatements:false}), and each of {@code unsplitBlocks} is one
 * statement whatever terminators it holds (goose {@code StatementBegin} / {@code StatementEnd}).
 */
public final class Splitter {
    private final SourceFile file;
    private final String masked;
    private final List<ScriptStatement> out = new ArrayList<>();

    private List<Token> pendingComments = new ArrayList<>();
    private final List<Token> current = new ArrayList<>();
    private final List<Token> heldComments = new ArrayList<>();
    private int parenDepth;
    /** Open BEGIN blocks of a routine body (0 outside one), and CASEs open inside it. */
    private int bodyDepth;
    private int caseDepth;
    /** An END was read inside a body; the next token says what it closes. */
    private boolean pendingEnd;
    /** The statement is CREATE ... FUNCTION / PROCEDURE / TRIGGER / EVENT, so a BEGIN opens its body. */
    private boolean routineHead;

    private static final List<String> ROUTINE_WORDS = List.of("FUNCTION", "PROCEDURE", "TRIGGER", "EVENT");

    private Splitter(SourceFile file, LexResult lexed) {
        this.file = file;
        this.masked = lexed.maskedText();
    }

    public static List<ScriptStatement> split(SourceFile file, LexResult lexed) {
        return split(file, lexed, true, List.of());
    }

    public static List<ScriptStatement> split(SourceFile file, LexResult lexed, boolean splitStatements,
                                              List<TextRange> unsplitBlocks) {
        Splitter splitter = new Splitter(file, lexed);
        List<TextRange> blocks = unsplitBlocks.stream()
                .sorted(java.util.Comparator.comparingInt(TextRange::start)).toList();
        int next = 0;
        TextRange inBlock = null;
        for (Token token : lexed.tokens()) {
            if (!splitStatements) {
                splitter.acceptWhole(token);
                continue;
            }
            if (inBlock != null && token.start() >= inBlock.end()) {
                splitter.flush();
                inBlock = null;
            }
            while (inBlock == null && next < blocks.size() && blocks.get(next).end() <= token.start()) {
                next++;
            }
            if (inBlock == null && next < blocks.size() && blocks.get(next).contains(token.start())) {
                splitter.flush();
                inBlock = blocks.get(next++);
            }
            if (inBlock != null) {
                splitter.acceptWhole(token);
            } else {
                splitter.accept(token);
            }
        }
        splitter.flush();
        return List.copyOf(splitter.out);
    }

    /**
     * Inside a part that is one statement: terminators join the statement instead of ending it.
     * Comments after a terminator wait until more statement text follows, so that comments after
     * the last terminator lead the next statement as they would after a split.
     */
    private void acceptWhole(Token token) {
        if (token.isComment()) {
            if (current.isEmpty()) {
                pendingComments.add(token);
            } else if (current.get(current.size() - 1).kind() == TokenKind.DELIMITER || !heldComments.isEmpty()) {
                heldComments.add(token);
            } else {
                current.add(token);
            }
        } else if (token.kind() == TokenKind.META_COMMAND || token.kind() == TokenKind.COPY_DATA
                || token.kind() == TokenKind.DELIMITER_DIRECTIVE) {
            accept(token);
        } else if (token.kind() == TokenKind.DELIMITER && current.isEmpty()) {
            // a terminator before any statement text ends nothing
        } else {
            if (token.kind() != TokenKind.DELIMITER) {
                current.addAll(heldComments);
                heldComments.clear();
            }
            current.add(token);
        }
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
                if (pendingEnd) {
                    pendingEnd = false;
                    closeBlock();
                }
                if (parenDepth > 0 || bodyDepth > 0) {
                    current.add(token);
                } else {
                    flush();
                }
            }
            default -> {
                current.add(token);
                trackNesting(token);
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
        }
        if (pendingEnd) {
            pendingEnd = false;
            // END IF / LOOP / WHILE / REPEAT close statements that opened no depth; END CASE a CASE.
            if (token.isWord(masked, "CASE")) {
                caseDepth = Math.max(0, caseDepth - 1);
                return;
            }
            if (!token.isWord(masked, "IF") && !token.isWord(masked, "LOOP") && !token.isWord(masked, "WHILE")
                    && !token.isWord(masked, "REPEAT")) {
                closeBlock();
            }
        }
        if (token.kind() != TokenKind.WORD) {
            return;
        }
        if (bodyDepth > 0) {
            if (token.isWord(masked, "CASE")) {
                caseDepth++;
            } else if (token.isWord(masked, "BEGIN")) {
                bodyDepth++;
            } else if (token.isWord(masked, "END")) {
                pendingEnd = true;
            }
        } else if (routineHead && parenDepth == 0 && token.isWord(masked, "BEGIN")) {
            bodyDepth = 1;
            caseDepth = 0;
        } else if (parenDepth == 0 && current.get(0).isWord(masked, "CREATE") && ROUTINE_WORDS.stream().anyMatch(w -> token.isWord(masked, w))) {
            routineHead = true;
        }
    }

    /** A bare END: it closes a CASE expression, or a BEGIN block of the routine body. */
    private void closeBlock() {
        if (caseDepth > 0) {
            caseDepth--;
        } else if (bodyDepth > 0) {
            bodyDepth--;
        }
    }

    private void flush() {
        if (!current.isEmpty()) {
            boolean unterminated = current.stream().anyMatch(t -> t.kind() == TokenKind.UNTERMINATED);
            add(current, unterminated ? ScriptStatement.Kind.UNTERMINATED : ScriptStatement.Kind.SQL);
            current.clear();
        }
        pendingComments.addAll(heldComments);
        heldComments.clear();
        parenDepth = 0;
        bodyDepth = 0;
        caseDepth = 0;
        pendingEnd = false;
        routineHead = false;
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

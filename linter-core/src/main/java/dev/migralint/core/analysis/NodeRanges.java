package dev.migralint.core.analysis;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;

/**
 * Where the nodes of one statement's JSqlParser AST are written in the file.
 *
 * <p>Most nodes (columns, tables, functions, select items, every expression JSqlParser's
 * {@code Expression} production builds) carry their parse tree node with its first and last token;
 * their line and column within the parsed text give the range. (The tokens' absolute offsets are
 * not used: a reused parser keeps counting from the previous statement.) Each such range is checked
 * against the text; a node without tokens, or whose tokens do not match the text, is found instead
 * by its deparsed form: its tokens, lexed, are matched in order against the statement's tokens
 * (words ignoring case, comments skipped). When several places match, the n-th such node in the AST
 * gets the n-th place not taken by a node placed through its tokens.
 */
public final class NodeRanges {
    private final String sql;
    private final int base;
    private final List<Token> tokens;
    private final Dialect dialect;
    private final AstNodes nodes;
    private final int[] lineStarts;
    private final Map<Object, TextRange> cache = new IdentityHashMap<>();

    /**
     * {@code sql} is the statement's text as parsed, starting at file offset {@code base};
     * {@code tokens} its significant tokens, with file offsets.
     */
    public NodeRanges(String sql, int base, List<Token> tokens, Dialect dialect, AstNodes nodes) {
        this.sql = sql;
        this.base = base;
        this.tokens = tokens.stream().filter(t -> !t.isComment()).toList();
        this.dialect = dialect;
        this.nodes = nodes;
        this.lineStarts = lineStarts(sql);
    }

    /** Where {@code node} is written, or null when it can't be found. */
    public TextRange range(ASTNodeAccess node) {
        if (cache.containsKey(node)) {
            return cache.get(node);
        }
        TextRange r = fromTokens(node);
        if (r == null) {
            r = fromDeparsed(node);
        }
        cache.put(node, r);
        return r;
    }

    /** The significant tokens that lie between {@code left} and {@code right} (an operator), or null. */
    public TextRange between(TextRange left, TextRange right) {
        TextRange result = null;
        for (Token t : tokens) {
            if (t.start() >= left.end() && (right == null ? result == null : t.end() <= right.start())) {
                result = result == null ? t.range() : result.union(t.range());
            }
        }
        return result;
    }

    private TextRange fromTokens(Object node) {
        Node n = node instanceof ASTNodeAccess a ? a.getASTNode() : null;
        if (n == null || n.jjtGetFirstToken() == null || n.jjtGetLastToken() == null) {
            return null;
        }
        net.sf.jsqlparser.parser.Token first = n.jjtGetFirstToken();
        net.sf.jsqlparser.parser.Token last = n.jjtGetLastToken();
        int start = offset(first.beginLine, first.beginColumn);
        int end = offset(last.endLine, last.endColumn) + 1;
        if (start < 0 || end <= start || end > sql.length() || !written(first.image, start)
                || !written(last.image, end - (last.image == null ? 0 : last.image.length()))) {
            return null;
        }
        return new TextRange(base + start, base + end);
    }

    private boolean written(String image, int at) {
        return image != null && !image.isEmpty() && at >= 0
                && sql.regionMatches(true, at, image, 0, image.length());
    }

    private int offset(int line, int column) {
        if (line < 1 || line > lineStarts.length || column < 1) {
            return -1;
        }
        return lineStarts[line - 1] + column - 1;
    }

    private TextRange fromDeparsed(ASTNodeAccess node) {
        String deparsed = node.toString();
        List<TextRange> places = places(deparsed);
        if (places.isEmpty()) {
            return null;
        }
        String key = key(deparsed);
        int rank = 0;
        for (Object other : nodes.all()) {
            if (other == node) {
                break;
            }
            if (other.getClass() == node.getClass() && fromTokens(other) == null
                    && key(other.toString()).equals(key)) {
                rank++;
            }
        }
        for (Object other : nodes.all()) {
            if (other != node && other.getClass() == node.getClass() && key(other.toString()).equals(key)) {
                TextRange placed = fromTokens(other);
                if (placed != null) {
                    places.remove(placed);
                }
            }
        }
        return rank < places.size() ? places.get(rank) : null;
    }

    /** Every place, in order, where the tokens of {@code deparsed} are written in the statement. */
    public List<TextRange> places(String deparsed) {
        List<Token> wanted = lex(deparsed);
        List<TextRange> found = new ArrayList<>();
        if (wanted.isEmpty()) {
            return found;
        }
        for (int i = 0; i + wanted.size() <= tokens.size(); i++) {
            boolean match = true;
            for (int k = 0; k < wanted.size() && match; k++) {
                match = same(tokens.get(i + k), wanted.get(k), deparsed);
            }
            if (match) {
                found.add(tokens.get(i).range().union(tokens.get(i + wanted.size() - 1).range()));
            }
        }
        return found;
    }

    private List<Token> lex(String text) {
        return Lexer.lex(text, LexOptions.of(dialect)).tokens().stream()
                .filter(t -> !t.isComment() && t.kind() != TokenKind.DELIMITER).toList();
    }

    /** The deparsed text as {@link #places} compares it: tokens, unquoted words in lower case. */
    private String key(String deparsed) {
        StringBuilder sb = new StringBuilder();
        for (Token t : lex(deparsed)) {
            String text = t.text(deparsed);
            sb.append(t.kind() == TokenKind.WORD ? text.toLowerCase(java.util.Locale.ROOT) : text).append('\u0000');
        }
        return sb.toString();
    }

    private boolean same(Token written, Token deparsed, String deparsedText) {
        int length = written.end() - written.start();
        if (length != deparsed.end() - deparsed.start()) {
            return false;
        }
        boolean ignoreCase = written.kind() == TokenKind.WORD && deparsed.kind() == TokenKind.WORD;
        return (ignoreCase || written.kind() == deparsed.kind())
                && sql.regionMatches(ignoreCase, written.start() - base, deparsedText, deparsed.start(), length);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}

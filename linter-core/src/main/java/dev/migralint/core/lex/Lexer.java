package dev.migralint.core.lex;

import dev.migralint.core.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a script into tokens with absolute offsets, in one pass over its characters. The lexer
 * knows what the database's client does before the server sees SQL: psql meta-commands, the data
 * lines of {@code COPY ... FROM stdin}, the MySQL client's {@code DELIMITER} directive, and template
 * placeholders, which it masks in {@link LexResult#maskedText()} without moving any offset.
 *
 * <p>The class is long because a lexer is one state machine; its parts (quotes, comments, dollar
 * quotes, client directives) share the cursor and the statement state, and splitting them would
 * only pass that state around.
 */
public final class Lexer {
    private static final String[] OPERATORS_3 = {"->>", "#>>", "<=>", "<->", "!~*"};
    private static final String[] OPERATORS_2 = {
        "::", ":=", "<=", ">=", "<>", "!=", "||", "->", "=>", "<<", ">>", "&&", "@>", "<@", "@@", "#>",
        "~*", "!~", "?|", "?&"};

    private final String original;
    private final char[] s;
    private final int n;
    private final Dialect dialect;
    private final boolean pg;
    private final boolean mysql;
    private final LexOptions options;
    private final PlaceholderMasker masker;
    private final int[] placeholderStarts;
    private final int[] placeholderEnds;
    private final int[] placeholderQuotedEnds;
    private final int placeholderCount;
    private final List<Token> tokens = new ArrayList<>();
    private final List<LexProblem> problems = new ArrayList<>();

    private boolean masked;
    private int nextPlaceholder;
    private int pos;
    private boolean lineStart = true;
    private String delimiter = ";";
    private boolean defaultDelimiter = true;
    /** A DELIMITER line in a PostgreSQL script, which psql lacks, ends one statement and no more. */
    private boolean oneStatementDelimiter;
    /** The delimiter ends a statement only when it stands alone on its line ({@code /}, {@code GO}). */
    private boolean delimiterOwnLine;
    /** A significant token has been seen since the last terminator. */
    private boolean statementOpen;
    private boolean statementIsCopy;
    private boolean previousWasFrom;
    private boolean copyFromStdin;
    private boolean copyDataPending;
    /** No "\." line exists at or after this offset; -1 while unknown. */
    private int noCopyTerminatorFrom = -1;

    private Lexer(String text, LexOptions options) {
        this.original = text;
        this.options = options;
        this.dialect = options.dialect();
        this.pg = dialect == Dialect.POSTGRESQL;
        this.mysql = dialect == Dialect.MYSQL;
        this.masker = new PlaceholderMasker(options.placeholders());
        PlaceholderMasker.Masking masking = masker.mask(text);
        this.masked = masking.masked() != null;
        this.s = masked ? masking.masked() : text.toCharArray();
        this.n = s.length;
        this.placeholderStarts = masking.starts();
        this.placeholderEnds = masking.ends();
        this.placeholderQuotedEnds = masking.quotedEnds();
        this.placeholderCount = masking.count();
        if (options.delimiter() != null) {
            delimiter = options.delimiter();
            defaultDelimiter = false;
            delimiterOwnLine = delimiter.equals("/") || delimiter.chars().allMatch(Character::isLetter);
        }
    }

    public static LexResult lex(String text, LexOptions options) {
        Lexer lexer = new Lexer(text, options);
        lexer.run();
        String maskedText = lexer.masked ? new String(lexer.s) : text;
        return new LexResult(lexer.tokens, maskedText, lexer.problems);
    }

    /**
     * The problem message for an {@link TokenKind#UNTERMINATED} token, from the text it starts with,
     * such as "unterminated dollar-quoted string $body$ starting here".
     */
    public static String describeUnterminated(String tokenText, Dialect dialect) {
        if (tokenText.startsWith("/*")) {
            return "unterminated block comment starting here";
        }
        if (tokenText.startsWith("$")) {
            int close = tokenText.indexOf('$', 1);
            String tag = close < 0 ? "$" : tokenText.substring(0, close + 1);
            return "unterminated dollar-quoted string " + tag + " starting here";
        }
        String body = tokenText.regionMatches(true, 0, "U&", 0, 2) ? tokenText.substring(2) : tokenText;
        if (body.startsWith("`") || (body.startsWith("\"") && dialect != Dialect.MYSQL)) {
            return "unterminated quoted identifier starting here";
        }
        return "unterminated string literal starting here";
    }

    private void run() {
        while (pos < n) {
            char c = s[pos];
            if (c == '\n' || c == '\r') {
                pos += c == '\r' && pos + 1 < n && s[pos + 1] == '\n' ? 2 : 1;
                lineStart = true;
                if (copyDataPending) {
                    copyDataPending = false;
                    scanCopyData();
                }
            } else if (c == ' ' || c == '\t' || c == '\f' || c == 0x0B || c == '\uFEFF'
                    || (c >= 0x80 && Character.isSpaceChar(c))) {
                pos++;
            } else {
                scanToken(c);
            }
        }
    }

    private void scanToken(char c) {
        int start = pos;
        while (nextPlaceholder < placeholderCount && placeholderStarts[nextPlaceholder] < start) {
            nextPlaceholder++;
        }
        if (nextPlaceholder < placeholderCount && placeholderStarts[nextPlaceholder] == start) {
            emit(TokenKind.PLACEHOLDER, start, placeholderEnds[nextPlaceholder]);
            return;
        }
        if (c == '\\' && (lineStart || pg)) {
            metaCommand();
            return;
        }
        // A migration runner's DELIMITER line (DolphinScheduler sends it even in PostgreSQL scripts)
        // also ends a statement that closed with a ';' the current delimiter did not take.
        if (lineStart && (!statementOpen || endsWithSemicolon()) && (c == 'd' || c == 'D') && delimiterDirective()) {
            statementOpen = false;
            return;
        }
        if (!defaultDelimiter && (delimiterOwnLine ? delimiterLineAt(start) : delimiterAt(start))) {
            emit(TokenKind.DELIMITER, start, start + delimiter.length());
            if (oneStatementDelimiter) {
                // DolphinScheduler's PostgreSQL scripts set one for each function and never reset it.
                oneStatementDelimiter = false;
                delimiter = ";";
                defaultDelimiter = true;
            }
            return;
        }
        char next = start + 1 < n ? s[start + 1] : '\0';
        switch (c) {
            case ';' -> emit(defaultDelimiter ? TokenKind.DELIMITER : TokenKind.OPERATOR, start, start + 1);
            case '-' -> {
                // MySQL wants a space after --, but every script runner takes a line opening with --DROP
                // for a comment, and no statement starts with a double minus.
                if (next == '-' && (!mysql || lineStart || start + 2 >= n || s[start + 2] <= ' ')) {
                    lineComment();
                } else {
                    operator();
                }
            }
            case '#' -> {
                if (mysql) {
                    lineComment();
                } else {
                    operator();
                }
            }
            case '/' -> {
                if (next == '*') {
                    blockComment();
                } else {
                    operator();
                }
            }
            case '\'' -> quoted(start, start, '\'', TokenKind.STRING, mysql);
            case '"' -> {
                if (mysql) {
                    quoted(start, start, '"', TokenKind.STRING, true);
                } else {
                    quoted(start, start, '"', TokenKind.QUOTED_IDENTIFIER, false);
                }
            }
            case '`' -> {
                if (pg) {
                    operator();
                } else {
                    quoted(start, start, '`', TokenKind.QUOTED_IDENTIFIER, false);
                }
            }
            case '$' -> dollar();
            case '?' -> {
                if (pg && (next == '|' || next == '&')) {
                    operator();
                } else {
                    emit(TokenKind.PARAMETER, start, start + 1);
                }
            }
            case ':' -> colon(next);
            case '@' -> at(next);
            case '.' -> {
                if (isDigit(next)) {
                    number();
                } else {
                    emit(TokenKind.OPERATOR, start, start + 1);
                }
            }
            default -> other(c, next);
        }
    }

    private void other(char c, char next) {
        int start = pos;
        if (isDigit(c)) {
            number();
        } else if (next == '\'' && (c == 'E' || c == 'e') && pg) {
            // E'...' strings take backslash escapes even with standard_conforming_strings on.
            quoted(start, start + 1, '\'', TokenKind.STRING, true);
        } else if (next == '\'' && (c == 'N' || c == 'n' || c == 'B' || c == 'b' || c == 'X' || c == 'x')) {
            quoted(start, start + 1, '\'', TokenKind.STRING, mysql);
        } else if ((c == 'U' || c == 'u') && next == '&' && pg && start + 2 < n
                && (s[start + 2] == '\'' || s[start + 2] == '"')) {
            char q = s[start + 2];
            quoted(start, start + 2, q, q == '\'' ? TokenKind.STRING : TokenKind.QUOTED_IDENTIFIER, false);
        } else if (isIdentifierStart(c)) {
            word(start);
        } else {
            operator();
        }
    }

    private void emit(TokenKind kind, int start, int end) {
        tokens.add(new Token(kind, start, end));
        pos = end;
        lineStart = false;
        switch (kind) {
            case LINE_COMMENT, BLOCK_COMMENT, COPY_DATA, DELIMITER_DIRECTIVE -> {
                // not part of any statement's syntax
            }
            case DELIMITER, META_COMMAND -> {
                if (copyFromStdin && kind == TokenKind.DELIMITER) {
                    copyDataPending = true;
                }
                statementOpen = false;
                statementIsCopy = false;
                copyFromStdin = false;
            }
            default -> trackStatement(kind, start, end);
        }
    }

    /** Notices COPY ... FROM STDIN, whose data lines follow the statement in the script. */
    private void trackStatement(TokenKind kind, int start, int end) {
        boolean word = kind == TokenKind.WORD;
        if (!statementOpen) {
            statementOpen = true;
            statementIsCopy = !mysql && word && wordIs(start, end, "copy");
            previousWasFrom = false;
            copyFromStdin = false;
        } else if (statementIsCopy) {
            if (previousWasFrom && word && wordIs(start, end, "stdin")) {
                copyFromStdin = true;
            }
            previousWasFrom = word && wordIs(start, end, "from");
        }
    }

    private boolean wordIs(int start, int end, String keyword) {
        if (end - start != keyword.length()) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            if (Character.toLowerCase(s[start + i]) != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < n && s[i] != '\n' && s[i] != '\r') {
            i++;
        }
        return i;
    }

    private void lineComment() {
        emit(TokenKind.LINE_COMMENT, pos, lineEnd(pos));
    }

    /** PostgreSQL nests block comments; MySQL ends one at the first star-slash. */
    private void blockComment() {
        int start = pos;
        int depth = 1;
        int i = start + 2;
        while (i < n) {
            char c = s[i];
            if (c == '*' && i + 1 < n && s[i + 1] == '/') {
                i += 2;
                if (--depth == 0) {
                    emit(TokenKind.BLOCK_COMMENT, start, i);
                    return;
                }
            } else if (pg && c == '/' && i + 1 < n && s[i + 1] == '*') {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        unterminated(start);
    }

    /** A quoted token opening at {@code quoteAt} (after any prefix such as E or N); a doubled quote escapes it. */
    private void quoted(int start, int quoteAt, char quote, TokenKind kind, boolean backslashEscapes) {
        int i = quoteAt + 1;
        while (i < n) {
            char c = s[i];
            if (c == quote) {
                if (i + 1 < n && s[i + 1] == quote) {
                    i += 2;
                    continue;
                }
                emit(kind, start, quotedTokenEnd(quoteAt, i + 1));
                return;
            }
            i += backslashEscapes && c == '\\' ? 2 : 1;
        }
        unterminated(start);
    }

    /**
     * Where a quoted token ends in the original text: the masker may have moved the closing quote of
     * {@code "{{ .Schema }}"} in to follow the value, but the token still spans what was written.
     */
    private int quotedTokenEnd(int quoteAt, int end) {
        for (int k = nextPlaceholder; k < placeholderCount && placeholderStarts[k] <= quoteAt + 1; k++) {
            if (placeholderStarts[k] == quoteAt + 1 && placeholderQuotedEnds[k] > end) {
                return placeholderQuotedEnds[k];
            }
        }
        return end;
    }

    private void unterminated(int start) {
        String opening = new String(s, start, Math.min(n - start, 80));
        problems.add(new LexProblem(start, describeUnterminated(opening, dialect)));
        emit(TokenKind.UNTERMINATED, start, n);
    }

    /** $1 is a parameter; $$ and $tag$ open a dollar quote in PostgreSQL; otherwise $ is an operator. */
    private void dollar() {
        int start = pos;
        int i = start + 1;
        if (i < n && isDigit(s[i])) {
            while (i < n && isDigit(s[i])) {
                i++;
            }
            emit(TokenKind.PARAMETER, start, i);
            return;
        }
        if (!pg) {
            operator();
            return;
        }
        if (i < n && isIdentifierStart(s[i])) {
            while (i < n && isIdentifierPart(s[i]) && s[i] != '$') {
                i++;
            }
        }
        if (i >= n || s[i] != '$') {
            operator();
            return;
        }
        int tagLength = i + 1 - start;
        int close = find(start, tagLength, i + 1);
        if (close < 0) {
            unterminated(start);
        } else {
            emit(TokenKind.DOLLAR_STRING, start, close + tagLength);
        }
    }

    /** The first offset at or after {@code from} where the text {@code s[tag, tag+length)} occurs, or -1. */
    private int find(int tag, int length, int from) {
        char first = s[tag];
        for (int i = from; i + length <= n; i++) {
            if (s[i] == first) {
                int k = 1;
                while (k < length && s[i + k] == s[tag + k]) {
                    k++;
                }
                if (k == length) {
                    return i;
                }
            }
        }
        return -1;
    }

    private void colon(char next) {
        int start = pos;
        if (next == ':' || next == '=') {
            emit(TokenKind.OPERATOR, start, start + 2);
        } else if (isIdentifierStart(next)) {
            int i = start + 2;
            while (i < n && isIdentifierPart(s[i])) {
                i++;
            }
            emit(TokenKind.PARAMETER, start, i);
        } else {
            emit(TokenKind.OPERATOR, start, start + 1);
        }
    }

    /**
     * {@code @name} is a placeholder when the options say so (OHDSI-style scripts); in MySQL it is a
     * user variable and {@code @@name} a system variable, read as words; in PostgreSQL @ is an operator.
     */
    private void at(char next) {
        int start = pos;
        int nameEnd = start + 1;
        while (nameEnd < n && isIdentifierPart(s[nameEnd]) && s[nameEnd] != '$') {
            nameEnd++;
        }
        // A name listed under `placeholders:` is masked even without the switch, so a project can
        // declare @cdmDatabaseSchema without turning every MySQL @variable into a placeholder.
        boolean declared = nameEnd > start + 1
                && options.placeholders().containsKey(original.substring(start + 1, nameEnd));
        if ((options.atPlaceholders() || declared || schemaPlaceholder(nameEnd)) && isIdentifierStart(next)) {
            int i = nameEnd;
            maskAt(start, i);
            emit(TokenKind.PLACEHOLDER, start, i);
        } else if (!pg && (isIdentifierStart(next) || next == '@')) {
            int i = start + 1;
            while (i < n && (isIdentifierPart(s[i]) || s[i] == '@')) {
                i++;
            }
            emit(TokenKind.WORD, start, i);
        } else {
            operator();
        }
    }

    /** Words after which a table name comes: {@code CREATE TABLE x}, {@code REFERENCES x}, {@code ON x} (CREATE INDEX). */
    private static final Set<String> BEFORE_TABLE = Set.of("table", "into", "from", "join", "cluster", "vacuum", "analyze", "sequence", "index",
            "update", "references", "on", "view", "exists", "only", "truncate");

    /**
     * {@code @name.table} where a table name stands ({@code CREATE TABLE @cdmDatabaseSchema.person}): a
     * template's schema (OHDSI's SqlRender), never SQL, since neither PostgreSQL's @ operator nor a MySQL
     * variable can name a table. So it is masked without being declared.
     */
    private boolean schemaPlaceholder(int nameEnd) {
        if (nameEnd + 1 >= n || s[nameEnd] != '.' || !isIdentifierStart(s[nameEnd + 1])) {
            return false;
        }
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (!t.isComment()) {
                return t.kind() == TokenKind.WORD
                        && BEFORE_TABLE.contains(new String(s, t.start(), t.end() - t.start()).toLowerCase(Locale.ROOT));
            }
        }
        return false;
    }

    private void maskAt(int start, int end) {
        String value = masker.valueFor(original.substring(start + 1, end));
        if (value == null || value.length() > end - start) {
            value = "";
        }
        value.getChars(0, value.length(), s, start);
        char pad = end < n && PlaceholderMasker.isNameChar(s[end]) || value.isEmpty() ? '_' : ' ';
        for (int i = start + value.length(); i < end; i++) {
            s[i] = pad;
        }
        masked = true;
    }

    private void number() {
        int start = pos;
        int i = start;
        if (s[i] == '0' && i + 2 < n && "xXbBoO".indexOf(s[i + 1]) >= 0 && isHexDigit(s[i + 2])) {
            i += 2;
            while (i < n && (isHexDigit(s[i]) || s[i] == '_')) {
                i++;
            }
            emit(TokenKind.NUMBER, start, i);
            return;
        }
        i = digits(i);
        if (i < n && s[i] == '.' && !(i + 1 < n && s[i + 1] == '.')) {
            i = digits(i + 1);
        }
        if (i < n && (s[i] == 'e' || s[i] == 'E')) {
            int j = i + 1;
            if (j < n && (s[j] == '+' || s[j] == '-')) {
                j++;
            }
            if (j < n && isDigit(s[j])) {
                i = digits(j);
            }
        }
        emit(TokenKind.NUMBER, start, i);
    }

    /** Digits with PostgreSQL 16 underscore separators (1_000_000). */
    private int digits(int from) {
        int i = from;
        while (i < n && (isDigit(s[i]) || (s[i] == '_' && i + 1 < n && isDigit(s[i + 1]) && i > from))) {
            i++;
        }
        return i;
    }

    private void word(int start) {
        int limit = nextPlaceholder < placeholderCount ? placeholderStarts[nextPlaceholder] : n;
        int i = start + 1;
        while (i < limit && isIdentifierPart(s[i])) {
            // MySQL identifiers may contain $, but END$$ under DELIMITER $$ ends with the delimiter.
            if (!defaultDelimiter && !delimiterOwnLine && s[i] == delimiter.charAt(0) && delimiterAt(i)) {
                break;
            }
            i++;
        }
        emit(TokenKind.WORD, start, i);
    }

    private void operator() {
        int start = pos;
        char c = s[start];
        if (c == '(' || c == ')' || c == ',' || c == '[' || c == ']') {
            emit(TokenKind.OPERATOR, start, start + 1);
            return;
        }
        for (String op : OPERATORS_3) {
            if (matchesAt(start, op)) {
                emit(TokenKind.OPERATOR, start, start + 3);
                return;
            }
        }
        for (String op : OPERATORS_2) {
            if (matchesAt(start, op)) {
                emit(TokenKind.OPERATOR, start, start + 2);
                return;
            }
        }
        int end = start + 1;
        if (Character.isHighSurrogate(s[start]) && end < n && Character.isLowSurrogate(s[end])) {
            end++;
        }
        emit(TokenKind.OPERATOR, start, end);
    }

    private boolean matchesAt(int at, String text) {
        if (at + text.length() > n) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (s[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean delimiterAt(int at) {
        return matchesAt(at, delimiter);
    }

    /** The delimiter alone on its line (spaces around it allowed), matched ignoring case as GO is. */
    private boolean delimiterLineAt(int at) {
        if (!lineStart || !matchesIgnoreCase(at, delimiter.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (int i = at + delimiter.length(); i < n && s[i] != '\n' && s[i] != '\r'; i++) {
            if (s[i] != ' ' && s[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * A psql meta-command (backslash to end of line). {@code \copy ... from stdin} is followed by
     * data lines just as COPY is.
     */
    private void metaCommand() {
        int start = pos;
        int end = lineEnd(start);
        emit(TokenKind.META_COMMAND, start, end);
        if (end - start > 5 && matchesIgnoreCase(start, "\\copy")) {
            String line = new String(s, start, end - start).toLowerCase(Locale.ROOT);
            if (line.matches("(?s).*\\bfrom\\s+(stdin|pstdin)\\b.*")) {
                copyDataPending = true;
            }
        }
    }

    private boolean matchesIgnoreCase(int at, String lower) {
        if (at + lower.length() > n) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if (Character.toLowerCase(s[at + i]) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The MySQL client's {@code DELIMITER xx} line, read only where a statement could begin (a
     * column named delimiter inside CREATE TABLE is not one).
     */
    /** The last token of the open statement is a ';' that is not the delimiter. */
    private boolean endsWithSemicolon() {
        for (int k = tokens.size() - 1; k >= 0; k--) {
            Token t = tokens.get(k);
            if (t.kind() != TokenKind.LINE_COMMENT && t.kind() != TokenKind.BLOCK_COMMENT) {
                return t.kind() == TokenKind.OPERATOR && t.end() - t.start() == 1 && s[t.start()] == ';';
            }
        }
        return false;
    }

    private boolean delimiterDirective() {
        int start = pos;
        if (!matchesIgnoreCase(start, "delimiter") || start + 9 >= n || (s[start + 9] != ' ' && s[start + 9] != '\t')) {
            return false;
        }
        int i = start + 9;
        while (i < n && (s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
        int from = i;
        while (i < n && s[i] > ' ') {
            i++;
        }
        if (i == from) {
            return false;
        }
        delimiter = new String(s, from, i - from);
        defaultDelimiter = delimiter.equals(";");
        oneStatementDelimiter = pg && !defaultDelimiter;
        delimiterOwnLine = false;
        int end = lineEnd(i);
        while (end > i && s[end - 1] <= ' ') {
            end--;
        }
        emit(TokenKind.DELIMITER_DIRECTIVE, start, end);
        return true;
    }

    /**
     * The data after COPY ... FROM stdin: every line up to and including the one that is exactly
     * {@code \.}. Without such a line (a script that feeds the data some other way, or one whose
     * data was commented out), the following lines are lexed as SQL.
     */
    private void scanCopyData() {
        int start = pos;
        if (noCopyTerminatorFrom >= 0 && start >= noCopyTerminatorFrom) {
            return;
        }
        int i = start;
        while (i < n) {
            int end = lineEnd(i);
            if (end - i == 2 && s[i] == '\\' && s[i + 1] == '.') {
                emit(TokenKind.COPY_DATA, start, end);
                return;
            }
            i = end < n && s[end] == '\r' && end + 1 < n && s[end + 1] == '\n' ? end + 2 : end + 1;
        }
        noCopyTerminatorFrom = start;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                || (c >= 0x80 && !Character.isSpaceChar(c) && c != '\uFEFF');
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }
}

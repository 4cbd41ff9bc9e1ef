package dev.migralint.core.change;

import dev.migralint.core.lex.TokenCursor;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a column type from tokens: the type's words (including the multi-word SQL spellings such as
 * "double precision" or "timestamp(3) with time zone"), arguments, MySQL signedness and array
 * suffixes. It consumes only what belongs to the type, so whatever follows (NOT NULL, DEFAULT,
 * CHARACTER SET) is left for the column reader.
 */
final class DataTypeReader {
    private DataTypeReader() {
    }

    /** A type read from tokens {@code [start, end)}. */
    record Read(DataType type, TextRange range, int end) {
    }

    private static final Set<String> INTERVAL_FIELDS = Set.of("year", "month", "day", "hour", "minute", "second", "to");
    private static final Set<String> MYSQL_NUMERIC_ATTRIBUTES = Set.of("unsigned", "signed", "zerofill");

    /** Reads a type at {@code start}, not reading at or past {@code limit}; null when there is none. */
    static Read read(TokenCursor t, int start, int limit) {
        if (start >= limit || !t.isIdentifier(start)) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        int i = start;
        if (t.isKind(i, TokenKind.PLACEHOLDER)) {
            // a templated schema, as in {{ .Schema }}.status_type
            name.append(t.identifier(i));
        } else if (t.isKind(i, TokenKind.QUOTED_IDENTIFIER)) {
            String id = t.identifier(i);
            // PostgreSQL's "char" is a one-byte internal type, unlike char(n): keep it apart.
            name.append(id.equals("char") ? "\"char\"" : id);
        } else {
            name.append(t.word(i));
        }
        i++;
        while (i + 1 < limit && t.isOperator(i, ".") && t.isIdentifier(i + 1)) {
            name.append('.').append(t.identifier(i + 1));
            i += 2;
        }
        String first = name.toString();
        i = readWordContinuation(t, first, i, limit, name);

        List<String> args = new ArrayList<>();
        if (i < limit && t.isOperator(i, "(")) {
            int close = t.closingParen(i);
            if (close < 0 || close >= limit) {
                return null;
            }
            for (int[] part : t.splitTopLevel(i + 1, close)) {
                args.add(t.sourceText(part[0], part[1] - 1).trim());
            }
            i = close + 1;
        }
        if ((first.equals("timestamp") || first.equals("time")) && i < limit) {
            i = readTimeZone(t, i, limit, name);
        }
        if (first.equals("interval")) {
            while (i < limit && INTERVAL_FIELDS.contains(t.word(i))) {
                i++;
            }
        }
        while (i < limit && MYSQL_NUMERIC_ATTRIBUTES.contains(t.word(i))) {
            i++;
        }
        boolean array = false;
        while (i < limit) {
            if (t.isOperator(i, "[]")) {
                array = true;
                i++;
            } else if (t.isOperator(i, "[")) {
                int j = i + 1;
                while (j < limit && !t.isOperator(j, "]")) {
                    j++;
                }
                if (j >= limit) {
                    return null;
                }
                array = true;
                i = j + 1;
            } else if (t.isWord(i, "array")) {
                array = true;
                i++;
            } else {
                break;
            }
        }
        String canonical = TypeNames.canonical(name.toString(), args, t.dialect());
        TextRange range = t.range(start, i - 1);
        return new Read(new DataType(canonical, args, array, t.sourceText(start, i - 1)), range, i);
    }

    /** The second and later words of multi-word type names. */
    private static int readWordContinuation(TokenCursor t, String first, int i, int limit, StringBuilder name) {
        switch (first) {
            case "double" -> {
                if (i < limit && t.isWord(i, "precision")) {
                    name.append(" precision");
                    return i + 1;
                }
            }
            case "national" -> {
                if (i < limit && (t.isWord(i, "character") || t.isWord(i, "char"))) {
                    name.append(' ').append(t.word(i));
                    return varying(t, i + 1, limit, name);
                }
            }
            case "character", "char", "nchar", "bit" -> {
                return varying(t, i, limit, name);
            }
            default -> {
                return i;
            }
        }
        return i;
    }

    private static int varying(TokenCursor t, int i, int limit, StringBuilder name) {
        if (i < limit && t.isWord(i, "varying")) {
            name.append(" varying");
            return i + 1;
        }
        return i;
    }

    private static int readTimeZone(TokenCursor t, int i, int limit, StringBuilder name) {
        if (i + 2 < limit && t.isWords(i, "with", "time", "zone")) {
            name.append(" with time zone");
            return i + 3;
        }
        if (i + 2 < limit && t.isWords(i, "without", "time", "zone")) {
            name.append(" without time zone");
            return i + 3;
        }
        return i;
    }
}

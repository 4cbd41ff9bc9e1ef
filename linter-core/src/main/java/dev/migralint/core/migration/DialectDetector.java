package dev.migralint.core.migration;

import dev.migralint.core.Dialect;
import dev.migralint.core.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells MySQL from PostgreSQL when config does not say which a folder or file is written for. Names
 * come first, nearest first: a file or folder name with a word (letters and digits between other
 * characters, in any case) {@code mysql}, {@code mariadb}, {@code postgres}, {@code postgresql},
 * {@code pgsql} or {@code pg}, with an optional version ({@code mysql8}, {@code pg15}), decides; so
 * does pop's dialect part ({@code .mysql.up.sql}). Parts of words do not count: {@code upgrade} holds
 * no {@code pg}, {@code V21.MySQLCachedValue.sql} no {@code mysql}. Failing
 * that, the SQL votes: {@code ENGINE=}, backquoted names, {@code AUTO_INCREMENT}, {@code UNSIGNED},
 * {@code DELIMITER} and table options ({@code DEFAULT CHARSET}) for MySQL; {@code ::} casts,
 * dollar quoting, {@code SERIAL}, {@code CREATE EXTENSION}, {@code CONCURRENTLY}, {@code plpgsql},
 * {@code COMMENT ON} and {@code jsonb}/{@code timestamptz} for PostgreSQL. Comments and string
 * literals do not vote. Neither winning leaves the dialect undecided (null).
 */
public final class DialectDetector {
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Pattern MYSQL_WORD = Pattern.compile("(?:mysql|mariadb)\\d*");
    private static final Pattern PG_WORD = Pattern.compile("(?:postgres|postgresql|pgsql|pg)\\d*");

    private static final Pattern MYSQL_SQL = Pattern.compile(
            "(?i)\\bENGINE\\s*=|`[^`\\s]+`|\\bAUTO_INCREMENT\\b|\\bUNSIGNED\\b|^\\s*DELIMITER\\s|"
                    + "\\bDEFAULT\\s+(?:CHARSET|CHARACTER\\s+SET)\\s*=?|\\bMODIFY\\s+(?:COLUMN\\s+)?\\w|\\bLONGTEXT\\b",
            Pattern.MULTILINE);
    private static final Pattern PG_SQL = Pattern.compile(
            "(?i)[\\w')\\]]::\\w|\\$\\w*\\$|\\b(?:BIG|SMALL)?SERIAL\\b|\\bCREATE\\s+EXTENSION\\b|\\bCONCURRENTLY\\b|"
                    + "\\bplpgsql\\b|\\bCOMMENT\\s+ON\\b|\\bJSONB\\b|\\bTIMESTAMPTZ\\b|\\bBYTEA\\b");

    private DialectDetector() {
    }

    /**
     * The dialect the name of the file or folder {@code path}, or of a folder above it up to
     * {@code root} (excluded), shows; the nearest name that shows one decides. Null when none does.
     */
    public static Dialect fromPath(Path path, Path root) {
        for (Path p = path; p != null && p.getFileName() != null && !p.equals(root); p = p.getParent()) {
            Dialect d = fromName(p.getFileName().toString());
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** The dialect one file or folder name shows, or null (both or neither). */
    static Dialect fromName(String name) {
        boolean mysql = false;
        boolean pg = false;
        Matcher m = WORD.matcher(name.toLowerCase(Locale.ROOT));
        while (m.find()) {
            mysql |= MYSQL_WORD.matcher(m.group()).matches();
            pg |= PG_WORD.matcher(m.group()).matches();
        }
        return mysql == pg ? null : mysql ? Dialect.MYSQL : Dialect.POSTGRESQL;
    }

    /** The dialect the SQL of {@code files} shows, counting one vote per signal found; null on a tie. */
    public static Dialect fromContent(List<SourceFile> files) {
        int mysql = 0;
        int pg = 0;
        for (SourceFile f : files) {
            String code = codeOnly(f.text());
            mysql += count(MYSQL_SQL, code);
            pg += count(PG_SQL, code);
        }
        return mysql == pg ? null : mysql > pg ? Dialect.MYSQL : Dialect.POSTGRESQL;
    }

    private static int count(Pattern p, String text) {
        int n = 0;
        Matcher m = p.matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }

    /**
     * The text with comments and single-quoted literals blanked, so that prose and data do not vote.
     * Backslash escapes are honoured inside literals, as MySQL reads them; a PostgreSQL literal ending
     * in a backslash is rare enough not to matter for a vote.
     */
    static String codeOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-' || c == '#') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? n : end;
                out.append(' ');
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (c == '\'') {
                i++;
                while (i < n && text.charAt(i) != '\'') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append("''");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}

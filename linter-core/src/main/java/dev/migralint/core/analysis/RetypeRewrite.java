package dev.migralint.core.analysis;

import dev.migralint.core.change.DataType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether PostgreSQL's ALTER COLUMN ... TYPE rewrites the table (and rebuilds its indexes) for a
 * given old and new type. PostgreSQL skips the rewrite when the new type is binary-coercible from the
 * old one and no length, precision or time zone check needs the stored values:
 * <ul>
 *   <li>the same type (name, arguments, array-ness);</li>
 *   <li>varchar(n) to varchar(m >= n), to varchar without a length, or to text; varchar and text
 *       to each other when no length is given (9.2+);</li>
 *   <li>numeric(p, s) to numeric(p' >= p, s), or to numeric without precision (9.2+);</li>
 *   <li>varbit(n) to varbit(m >= n) or varbit (9.2+);</li>
 *   <li>timestamp, timestamptz, interval: a larger or removed precision (9.2+);</li>
 *   <li>cidr to inet (binary-coercible);</li>
 *   <li>timestamp to timestamptz and back, only when the session time zone is UTC (12+), which a
 *       migration file does not show: reported as {@link Verdict#UNLESS_UTC}.</li>
 * </ul>
 * Everything else rewrites: integer widening (int to bigint), char(n), varchar narrowing, text to
 * varchar(n), numeric scale changes, enum or domain changes, any USING expression other than the
 * column itself.
 */
public final class RetypeRewrite {
    private RetypeRewrite() {
    }

    public enum Verdict {
        NO_REWRITE,
        /** timestamp to timestamptz or back: no rewrite on PostgreSQL 12+ when the session time zone is UTC. */
        UNLESS_UTC,
        REWRITE
    }

    private static final Set<String> STRINGS = Set.of("varchar", "text");
    private static final Set<String> TIMESTAMPS = Set.of("timestamp", "timestamptz");
    private static final Set<String> PRECISION_TYPES = Set.of("timestamp", "timestamptz", "interval");

    /** The verdict for changing a column of type {@code from} to {@code to} on PostgreSQL {@code version}. */
    public static Verdict of(DataType from, DataType to, int version) {
        if (from.array() != to.array()) {
            return Verdict.REWRITE;
        }
        String a = from.name();
        String b = to.name();
        if (a.equals(b) && from.args().equals(to.args())) {
            return Verdict.NO_REWRITE;
        }
        if (STRINGS.contains(a) && STRINGS.contains(b)) {
            // Only a length that could cut existing values forces the check and rewrite.
            return !b.equals("varchar") || widens(from, to) ? Verdict.NO_REWRITE : Verdict.REWRITE;
        }
        if (a.equals(b) && (a.equals("numeric"))) {
            return numericWidens(from.args(), to.args()) ? Verdict.NO_REWRITE : Verdict.REWRITE;
        }
        if (a.equals(b) && (a.equals("varbit") || PRECISION_TYPES.contains(a))) {
            return widens(from, to) ? Verdict.NO_REWRITE : Verdict.REWRITE;
        }
        if (a.equals("cidr") && b.equals("inet")) {
            return Verdict.NO_REWRITE;
        }
        if (version >= 12 && TIMESTAMPS.contains(a) && TIMESTAMPS.contains(b)
                && widens(from, to)) {
            return Verdict.UNLESS_UTC;
        }
        return Verdict.REWRITE;
    }

    /**
     * True when the USING expression is only the column itself (with or without a cast to the new type),
     * which leaves the verdict to the types; any other expression computes new values and rewrites.
     */
    public static boolean usingKeepsValues(String using, String column) {
        if (using == null) {
            return true;
        }
        String u = using.strip().toLowerCase(Locale.ROOT).replace("\"", "");
        int cast = u.indexOf("::");
        if (cast >= 0) {
            u = u.substring(0, cast).strip();
        }
        while (u.startsWith("(") && u.endsWith(")")) {
            u = u.substring(1, u.length() - 1).strip();
        }
        return u.equals(column.toLowerCase(Locale.ROOT));
    }

    /** {@code to} has no limit, or a first argument at least {@code from}'s. */
    private static boolean widens(DataType from, DataType to) {
        if (to.args().isEmpty()) {
            return true;
        }
        if (from.args().isEmpty()) {
            return false;
        }
        Integer f = number(from.args().get(0));
        Integer t = number(to.args().get(0));
        return f != null && t != null && t >= f;
    }

    private static boolean numericWidens(List<String> from, List<String> to) {
        if (to.isEmpty()) {
            return true;
        }
        if (from.isEmpty()) {
            return false;
        }
        Integer p = number(from.get(0));
        Integer q = number(to.get(0));
        Integer s = from.size() > 1 ? number(from.get(1)) : Integer.valueOf(0);
        Integer s2 = to.size() > 1 ? number(to.get(1)) : Integer.valueOf(0);
        return p != null && q != null && s != null && s.equals(s2) && q >= p;
    }

    private static Integer number(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

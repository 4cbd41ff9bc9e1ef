package dev.migralint.core.source;

import java.util.Comparator;

/**
 * Compares strings with digit runs compared as numbers ({@code V2} before {@code V10}), otherwise
 * character by character, case-insensitively first so that ties are broken deterministically.
 */
public final class NaturalOrder implements Comparator<String> {
    public static final NaturalOrder INSTANCE = new NaturalOrder();

    private NaturalOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = compareDigits(a.substring(si, i), b.substring(sj, j));
                if (c != 0) {
                    return c;
                }
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int compareDigits(String x, String y) {
        // Leading zeros do not count (a regex here cost a pattern compile per comparison).
        String sx = x.substring(leadingZeros(x));
        String sy = y.substring(leadingZeros(y));
        if (sx.length() != sy.length()) {
            return Integer.compare(sx.length(), sy.length());
        }
        return sx.compareTo(sy);
    }

    /** How many leading zeros to drop, keeping the last digit ("000" is "0"). */
    private static int leadingZeros(String digits) {
        int n = 0;
        while (n < digits.length() - 1 && digits.charAt(n) == '0') {
            n++;
        }
        return n;
    }
}

package dev.migralint.core.migration;

import java.util.Comparator;

/** The ways migration tools order versions. */
final class VersionOrder {
    private VersionOrder() {
    }

    /** Digit strings compared as numbers of any size: {@code 2} before {@code 10}, {@code 007} equal to {@code 7}. */
    static final Comparator<String> NUMERIC = VersionOrder::compareNumbers;

    /**
     * Flyway: parts separated by {@code .} or {@code _}, compared as numbers part by part; a missing
     * part counts as zero, so {@code 1} equals {@code 1.0} and comes before {@code 1.1}.
     */
    static final Comparator<String> FLYWAY = (a, b) -> {
        String[] x = a.split("[._]");
        String[] y = b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = compareNumbers(i < x.length ? x[i] : "0", i < y.length ? y[i] : "0");
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    static int compareNumbers(String a, String b) {
        String x = stripZeros(a);
        String y = stripZeros(b);
        if (x.length() != y.length()) {
            return Integer.compare(x.length(), y.length());
        }
        return x.compareTo(y);
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}

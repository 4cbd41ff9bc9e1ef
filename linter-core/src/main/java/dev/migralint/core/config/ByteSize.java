package dev.migralint.core.config;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size as written in the config and on the command line: {@code 10MiB}, {@code 500KB}, {@code 1048576}. */
public final class ByteSize {
    private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*([a-z]*)");
    private static final Map<String, Long> UNITS = Map.of("", 1L, "b", 1L,
            "kb", 1000L, "mb", 1000L * 1000, "gb", 1000L * 1000 * 1000,
            "kib", 1024L, "mib", 1024L * 1024, "gib", 1024L * 1024 * 1024);

    private ByteSize() {
    }

    /** The number of bytes, or an exception whose message says what is accepted. */
    public static long parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        Long unit = m.matches() ? UNITS.get(m.group(2)) : null;
        if (unit == null) {
            throw new IllegalArgumentException("invalid size '" + text + "' (use bytes, or a number with KB, MB, GB,"
                    + " KiB, MiB or GiB, such as 10MiB)");
        }
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("size '" + text + "' is too large", e);
        }
    }
}

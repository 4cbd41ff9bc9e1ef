package dev.migralint.core.input;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How input files are read: in the config's {@code encoding:}, and none larger than
 * {@code max-file-size:} bytes (standard input included), since a file is held whole in memory.
 */
public record ReadOptions(Charset encoding, long maxFileSize) {
    /** A 50 MB file took 3.3 GB of heap to lint, and no migration is that long. */
    public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;
    /** A file is read into one array. */
    public static final long LARGEST_MAX_FILE_SIZE = 1L << 30;
    public static final ReadOptions DEFAULT = new ReadOptions(StandardCharsets.UTF_8, DEFAULT_MAX_FILE_SIZE);

    public ReadOptions {
        encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
        if (maxFileSize <= 0 || maxFileSize > LARGEST_MAX_FILE_SIZE) {
            throw new IllegalArgumentException("the file size limit must be between 1 byte and 1GiB");
        }
    }

    /** Why {@code what} is not read: it is {@code size} bytes, or longer than the limit when the size is unknown (-1). */
    String overLimit(String what, long size) {
        String over = size < 0 ? String.format(Locale.ROOT, "%s is over the limit of %,d bytes", what, maxFileSize)
                : String.format(Locale.ROOT, "%s is %,d bytes, over the limit of %,d", what, size, maxFileSize);
        return over + "; skipped (exclude it, split it, or raise max-file-size)";
    }
}

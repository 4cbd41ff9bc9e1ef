package dev.migralint.core.input;

import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.diag.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads a file as UTF-8 (a byte-order mark is dropped), or in the encoding the config names. A file with NUL bytes is taken as binary and a
 * file that is not valid UTF-8 is refused with the position of the first bad byte: either way the file
 * gets one {@link InputProblem} and is skipped.
 */
public final class SourceReader {
    private static final int BINARY_SNIFF = 8192;
    /**
     * Files larger than this are skipped unread: a 50 MB file took 3.3 GB of heap to lint, and no
     * migration is that long. Generated dumps belong in an exclude.
     */
    public static final long MAX_FILE_SIZE = 10L * 1024 * 1024;

    /** Either a decoded file or why it could not be read. */
    public sealed interface Result {
        record Read(SourceFile file) implements Result {
        }

        record Failed(InputProblem problem) implements Result {
        }
    }

    private SourceReader() {
    }

    public static Result read(Path path, String displayPath) {
        return read(path, displayPath, StandardCharsets.UTF_8);
    }

    /** Reads a file in {@code encoding}, as the config's {@code encoding:} says. */
    public static Result read(Path path, String displayPath, Charset encoding) {
        byte[] bytes;
        try {
            // A FIFO or device would block or never end (/dev/zero): only regular files are read.
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return failed(new SourceFile(path, displayPath, ""), (attrs.isDirectory() ? "a folder" : "not a regular file"
                        + " (a pipe, device or socket)") + "; skipped");
            }
            if (attrs.size() > MAX_FILE_SIZE) {
                return failed(new SourceFile(path, displayPath, ""), String.format(Locale.ROOT, "file is %,d bytes, over the limit"
                        + " of %,d; skipped (exclude it, or split it)", attrs.size(), MAX_FILE_SIZE));
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return failed(new SourceFile(path, displayPath, ""), "cannot read file: " + IoReason.of(e));
        }
        return decode(path, displayPath, bytes, encoding);
    }

    /** Decodes bytes in {@code encoding}; UTF-8 gets the checks and positions of {@link #decode(Path, String, byte[])}. */
    public static Result decode(Path path, String displayPath, byte[] bytes, Charset encoding) {
        if (encoding.equals(StandardCharsets.UTF_8)) {
            return decode(path, displayPath, bytes);
        }
        if (!encoding.name().startsWith("UTF-16") && !encoding.name().startsWith("UTF-32")) {
            for (int i = 0; i < Math.min(bytes.length, BINARY_SNIFF); i++) {
                if (bytes[i] == 0) {
                    return failed(new SourceFile(path, displayPath, ""), "binary file (contains NUL bytes); skipped");
                }
            }
        }
        try {
            String text = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            // A byte-order mark decoded as U+FEFF is not SQL.
            return new Result.Read(new SourceFile(path, displayPath, text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (CharacterCodingException e) {
            return failed(new SourceFile(path, displayPath, ""), "file is not valid " + encoding.name()
                    + " (the config's encoding); skipped");
        }
    }

    public static Result decode(Path path, String displayPath, byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            // A UTF-16 byte-order mark: the file says what it is, so it is read as such rather than called binary.
            return decode(path, displayPath, bytes, StandardCharsets.UTF_16);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        int sniff = Math.min(bytes.length, start + BINARY_SNIFF);
        for (int i = start; i < sniff; i++) {
            if (bytes[i] == 0) {
                return failed(new SourceFile(path, displayPath, ""), "binary file (contains NUL bytes); skipped");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
            return new Result.Read(new SourceFile(path, displayPath, text));
        } catch (CharacterCodingException e) {
            return invalidUtf8(path, displayPath, bytes, start);
        }
    }

    /** Points at the first invalid byte, with the text before it decoded so line:column are right. */
    private static Result invalidUtf8(Path path, String displayPath, byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        int badByte = in.position();
        out.flip();
        String prefix = out.toString();
        String shown = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        SourceFile file = new SourceFile(path, displayPath, shown);
        int offset = Math.min(prefix.length(), shown.length());
        String msg = String.format("file is not valid UTF-8 (byte 0x%02X at byte offset %d); skipped"
                + " (for another character set, set encoding: in the config)",
                bytes[badByte] & 0xFF, badByte);
        if (!r.isError()) {
            msg = "file is not valid UTF-8; skipped (for another character set, set encoding: in the config)";
        }
        return new Result.Failed(new InputProblem(
                new Location.Span(file, new TextRange(offset, Math.min(offset + 1, shown.length()))), msg));
    }

    private static Result failed(SourceFile file, String message) {
        return new Result.Failed(new InputProblem(new Location.WholeFile(file), message));
    }
}

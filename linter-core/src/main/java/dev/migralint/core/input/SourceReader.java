package dev.migralint.core.input;

import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.diag.Location;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * Reads a file as UTF-8 (a byte-order mark is dropped), or in the encoding the config names. A file with NUL bytes is taken as binary and a
 * file that is not valid UTF-8 is refused with the position of the first bad byte: either way the file
 * gets one {@link InputProblem} and is skipped.
 */
public final class SourceReader {
    private static final int BINARY_SNIFF = 8192;

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
        return read(path, displayPath, ReadOptions.DEFAULT);
    }

    /** Reads a file as the config's {@code encoding:} and {@code max-file-size:} say. */
    public static Result read(Path path, String displayPath, ReadOptions options) {
        byte[] bytes;
        try {
            // A FIFO or device would block or never end (/dev/zero): only regular files are read.
            BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                return failed(new SourceFile(path, displayPath, ""), (attrs.isDirectory() ? "a folder" : "not a regular file"
                        + " (a pipe, device or socket)") + "; skipped");
            }
            if (attrs.size() > options.maxFileSize()) {
                return failed(new SourceFile(path, displayPath, ""), options.overLimit("file", attrs.size()));
            }
            // The size may have grown since: read no more than the limit allows.
            try (InputStream in = Files.newInputStream(path)) {
                bytes = readBounded(in, options);
            }
        } catch (IOException e) {
            return failed(new SourceFile(path, displayPath, ""), "cannot read file: " + IoReason.of(e));
        }
        if (bytes == null) {
            return failed(new SourceFile(path, displayPath, ""), options.overLimit("file", -1));
        }
        return decode(path, displayPath, bytes, options.encoding());
    }

    /**
     * Reads a stream (standard input) as {@link #read(Path, String, ReadOptions)} reads a file: the bytes, or
     * a failure once more than the limit arrive, without reading on to the end of an endless stream.
     */
    public static Result read(InputStream in, Path path, String displayPath, ReadOptions options) throws IOException {
        byte[] bytes = readBounded(in, options);
        if (bytes == null) {
            return failed(new SourceFile(path, displayPath, ""), options.overLimit("input", -1));
        }
        return decode(path, displayPath, bytes, options.encoding());
    }

    /** At most the limit's bytes, or null when there are more. */
    private static byte[] readBounded(InputStream in, ReadOptions options) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(options.maxFileSize() + 1, Integer.MAX_VALUE - 8));
        return bytes.length > options.maxFileSize() ? null : bytes;
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

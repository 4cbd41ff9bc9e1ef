package dev.migralint.cli;

import dev.migralint.core.input.AtomicFile;
import dev.migralint.core.input.IoReason;
import dev.migralint.core.input.SourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes edited files the safe way: each to a temporary file in its own folder, then renamed over the
 * original, so a reader never sees half a file and a failure leaves the original as it was. A file
 * that changed on disk since it was read is not overwritten; a byte-order mark is kept.
 */
final class AtomicWrite {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private AtomicWrite() {
    }

    /**
     * Checks every file first (still as read), then writes them; throws {@link UsageException} naming
     * the file when one cannot be checked or written.
     */
    static void all(Map<Path, String> before, Map<Path, String> after) {
        Map<Path, byte[]> bytes = new LinkedHashMap<>();
        for (Map.Entry<Path, String> e : after.entrySet()) {
            Path file = e.getKey();
            byte[] current;
            try {
                current = Files.readAllBytes(file);
            } catch (IOException ex) {
                throw new UsageException("cannot read " + file + " again: " + IoReason.of(ex) + "; nothing was changed");
            }
            SourceReader.Result r = SourceReader.decode(file, file.toString(), current);
            if (!(r instanceof SourceReader.Result.Read read) || !read.file().text().equals(before.get(file))) {
                throw new UsageException(file + " changed while it was being fixed; nothing was changed");
            }
            boolean bom = current.length >= 3 && current[0] == BOM[0] && current[1] == BOM[1] && current[2] == BOM[2];
            byte[] text = e.getValue().getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[(bom ? 3 : 0) + text.length];
            if (bom) {
                System.arraycopy(BOM, 0, out, 0, 3);
            }
            System.arraycopy(text, 0, out, bom ? 3 : 0, text.length);
            bytes.put(file, out);
        }
        for (Map.Entry<Path, byte[]> e : bytes.entrySet()) {
            write(e.getKey(), e.getValue());
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            AtomicFile.write(file, out -> out.write(content));
        } catch (IOException ex) {
            throw new UsageException("cannot write " + file + ": " + IoReason.of(ex));
        }
    }
}

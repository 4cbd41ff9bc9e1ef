package dev.migralint.core.report;

import dev.migralint.core.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How SARIF names files: a relative URI reference against {@code %SRCROOT%} (the run's base directory)
 * when the file lies under it, which keeps alerts stable across checkouts in different places; an
 * absolute {@code file:} URI otherwise.
 */
final class ArtifactUris {
    private static final String HEX = "0123456789ABCDEF";

    private ArtifactUris() {
    }

    /**
     * The relative reference for a file under the base directory, or empty when it lies outside. A file
     * with an absolute path is placed against {@code baseDir} itself, which may differ from the folder
     * its display path is relative to (SARIF from a subfolder names paths from the repository root).
     */
    static Optional<String> relative(SourceFile file, Path baseDir) {
        Path p = file.path();
        if (baseDir != null && p != null && p.isAbsolute()) {
            Path base = baseDir.toAbsolutePath().normalize();
            Path abs = p.normalize();
            return abs.startsWith(base) && !abs.equals(base)
                    ? Optional.of(encodePath(slashed(base.relativize(abs))))
                    : Optional.empty();
        }
        String path = file.displayPath().replace('\\', '/');
        boolean outside = path.isEmpty()
                || path.startsWith("/")
                || path.matches("[A-Za-z]:/.*")
                || path.equals("..")
                || path.startsWith("../");
        return outside ? Optional.empty() : Optional.of(encodePath(path));
    }

    /** The path's names joined by '/': a backslash inside a Linux file name stays part of the name (%5C). */
    private static String slashed(Path relative) {
        StringBuilder sb = new StringBuilder();
        for (Path name : relative) {
            sb.append(sb.isEmpty() ? "" : "/").append(name);
        }
        return sb.toString();
    }

    static String absolute(SourceFile file) {
        return file.path().toAbsolutePath().normalize().toUri().toASCIIString();
    }

    /** The base directory as a {@code file:} URI ending with '/', as SARIF requires of a base URI. */
    static String baseUri(Path baseDir) {
        String uri = baseDir.toAbsolutePath().normalize().toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    /**
     * Percent-encodes a '/'-separated path as an RFC 3986 relative reference: UTF-8 bytes outside the
     * unreserved and sub-delim characters become %XX. ':' is encoded too, so a first segment such as
     * "c:x.sql" can't be read as a URI scheme.
     */
    static String encodePath(String path) {
        StringBuilder sb = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isAllowed(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            }
        }
        return sb.toString();
    }

    private static boolean isAllowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
    }
}

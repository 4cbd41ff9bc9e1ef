package dev.migralint.core.report;

import dev.migralint.core.diag.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * What a SARIF file may hold for GitHub code scanning to accept it. GitHub rejects a whole file when
 * one of its limits is exceeded (docs.github.com, "SARIF support for code scanning"): more than 25,000
 * results in a run, more than 1,000 locations in a result, or more than 10 MB gzip-compressed. The
 * other published limits (20 runs per file, 25,000 rules per run, 20 tags per rule, 100 tool
 * extensions) are far from anything migralint writes: one run, one rule per enabled rule, one tag.
 * GitHub publishes no limit on message length; {@code maxMessageChars} is migralint's own bound, so
 * that a pathological message (a rule quoting a huge statement) cannot push the file over the size limit.
 */
record SarifLimits(int maxResults, int maxLocations, int maxMessageChars, long maxGzipBytes) {
    static final SarifLimits GITHUB = new SarifLimits(25_000, 1_000, 8_000, 10L * 1024 * 1024);

    static final String TRUNCATED = " […message truncated]";

    /**
     * The findings to write, at most {@code max}, in report order. When there are more, the ones kept
     * are the most severe, active before suppressed (as GitHub itself ranks results it displays), and
     * earlier in the report among equals.
     */
    static List<Finding> select(List<Finding> findings, int max) {
        if (findings.size() <= max) {
            return findings;
        }
        List<Integer> order = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> findings.get(i).suppressed())
                .thenComparing(i -> findings.get(i).severity())
                .thenComparing(i -> i));
        boolean[] keep = new boolean[findings.size()];
        for (int k = 0; k < max; k++) {
            keep[order.get(k)] = true;
        }
        List<Finding> out = new ArrayList<>(max);
        for (int i = 0; i < findings.size(); i++) {
            if (keep[i]) {
                out.add(findings.get(i));
            }
        }
        return out;
    }

    /** The run-level warning that says results were left out; {@code sizeReason} when it was for size. */
    String omissionMessage(int omitted, int total, String sizeReason) {
        String reason = sizeReason != null ? sizeReason
                : "GitHub code scanning rejects a run with more than " + maxResults + " results";
        return "migralint left out " + omitted + " of " + total + " results: " + reason
                + ". The most severe were kept, active before suppressed; the text and JSON reports list them all.";
    }

    /** The text cut to {@code maxMessageChars} (never inside a surrogate pair), with a marker when cut. */
    String truncate(String text) {
        if (text.length() <= maxMessageChars) {
            return text;
        }
        int end = Math.max(0, maxMessageChars - TRUNCATED.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + TRUNCATED;
    }

    /** "10 MB" for whole mebibytes, else a byte count. */
    static String size(long bytes) {
        long mb = 1024 * 1024;
        return bytes >= mb && bytes % mb == 0 ? bytes / mb + " MB" : bytes + " bytes";
    }

    /** The size of the text's UTF-8 bytes after gzip, which is what GitHub's size limit counts. */
    static long gzipSize(String text) {
        CountingStream counter = new CountingStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(counter, 64 * 1024)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory cannot fail", e);
        }
        return counter.count;
    }

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}

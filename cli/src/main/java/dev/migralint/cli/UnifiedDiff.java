package dev.migralint.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, as {@code diff -u} prints it: lines common to both ends are trimmed,
 * the rest is compared line by line (longest common subsequence) and shown in hunks with three lines
 * of context.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    /** The diff of {@code before} and {@code after} under the name {@code path}; empty when they are equal. */
    static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<char[]> ops = ops(a, b);
        StringBuilder out = new StringBuilder();
        out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while the next change is within two contexts of the last one.
            int lastChange = i;
            while (end < ops.size()) {
                if (ops.get(end)[0] != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            hunk(out, ops, a, b, start, end);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<char[]> ops, List<String> a, List<String> b, int start, int end) {
        int aStart = 0;
        int bStart = 0;
        for (int k = 0; k < start; k++) {
            char op = ops.get(k)[0];
            aStart += op != '+' ? 1 : 0;
            bStart += op != '-' ? 1 : 0;
        }
        int aLen = 0;
        int bLen = 0;
        StringBuilder body = new StringBuilder();
        int ai = aStart;
        int bi = bStart;
        for (int k = start; k < end; k++) {
            char op = ops.get(k)[0];
            String line = op == '+' ? b.get(bi) : a.get(ai);
            if (op != '+') {
                ai++;
                aLen++;
            }
            if (op != '-') {
                bi++;
                bLen++;
            }
            body.append(op).append(line.endsWith("\n") ? line : line + "\n\\ No newline at end of file\n");
        }
        out.append("@@ -").append(range(aStart, aLen)).append(" +").append(range(bStart, bLen)).append(" @@\n")
                .append(body);
    }

    private static String range(int start, int len) {
        return len == 1 ? String.valueOf(start + 1) : (len == 0 ? start : start + 1) + "," + len;
    }

    /** One op per line: ' ' kept, '-' removed from a, '+' added from b. */
    private static List<char[]> ops(List<String> a, List<String> b) {
        int pre = 0;
        while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < a.size() - pre && suf < b.size() - pre
                && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) {
            suf++;
        }
        int n = a.size() - pre - suf;
        int m = b.size() - pre - suf;
        int[][] lcs = new int[n + 1][m + 1];
        for (int x = n - 1; x >= 0; x--) {
            for (int y = m - 1; y >= 0; y--) {
                lcs[x][y] = a.get(pre + x).equals(b.get(pre + y)) ? lcs[x + 1][y + 1] + 1
                        : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
            }
        }
        List<char[]> ops = new ArrayList<>();
        for (int k = 0; k < pre; k++) {
            ops.add(new char[] {' '});
        }
        int x = 0;
        int y = 0;
        while (x < n || y < m) {
            if (x < n && y < m && a.get(pre + x).equals(b.get(pre + y))) {
                ops.add(new char[] {' '});
                x++;
                y++;
            } else if (x < n && (y == m || lcs[x + 1][y] >= lcs[x][y + 1])) {
                ops.add(new char[] {'-'});
                x++;
            } else {
                ops.add(new char[] {'+'});
                y++;
            }
        }
        for (int k = 0; k < suf; k++) {
            ops.add(new char[] {' '});
        }
        return ops;
    }

    /** The lines of {@code s}, each with its line break (the last may have none). */
    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                out.add(s.substring(from, k + 1));
                from = k + 1;
            }
        }
        if (from < s.length()) {
            out.add(s.substring(from));
        }
        return out;
    }
}

package dev.migralint.core.engine;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.split.ScriptStatement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fingerprints that survive line shifts: a hash of rule id, file path and the statement's text with
 * comments dropped, whitespace collapsed and keywords lower-cased, plus an occurrence number for
 * identical ones in the same file. Baselines and SARIF partialFingerprints use the same value.
 */
final class Fingerprints {
    private Fingerprints() {
    }

    /** Assigns fingerprints to one file's findings, which must be in report order. */
    static List<Finding> assign(String displayPath, List<Finding> findings, List<ScriptStatement> statements) {
        Map<String, Integer> seen = new HashMap<>();
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            String statementText = normalized(statementAt(statements, f.location().startOffset()));
            String base = hash(f.ruleId() + '\0' + displayPath + '\0' + statementText);
            int occurrence = seen.merge(base, 1, Integer::sum);
            out.add(f.withFingerprint(base + ":" + occurrence));
        }
        return out;
    }

    static ScriptStatement statementAt(List<ScriptStatement> statements, int offset) {
        int lo = 0;
        int hi = statements.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            ScriptStatement s = statements.get(mid);
            if (offset < s.range().start()) {
                hi = mid - 1;
            } else if (offset > s.range().end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }

    static String normalized(ScriptStatement s) {
        if (s == null) {
            return "";
        }
        String text = s.file().text();
        StringBuilder sb = new StringBuilder();
        for (Token t : s.tokens()) {
            if (t.isComment()) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            String v = t.text(text);
            sb.append(t.kind() == TokenKind.WORD ? v.toLowerCase(Locale.ROOT) : v);
        }
        return sb.toString();
    }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}

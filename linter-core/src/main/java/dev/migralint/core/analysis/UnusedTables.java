package dev.migralint.core.analysis;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tables that a comment in a chain's scripts calls unused on purpose: the table's name, then within
 * a few words "intentionally" or "deliberately", then "not supported", "unsupported", "ignored", "unused"
 * or "not used". Supabase writes {@code -- Multi-instance mode (see auth.instances) table intentionally
 * not supported and ignored.}: its {@code instance_id} columns do name {@code instances}, and the project
 * has said why they have no key. The name must be the subject ({@code users.flag is deliberately unused}
 * names a column, and {@code errors are intentionally ignored for users} names no table first).
 *
 * <p>Comments are read only in scripts whose text has one of the two words, and only once a finding
 * would be reported, so a chain without such a comment costs one text search per script.
 */
public final class UnusedTables {
    private static final Pattern ON_PURPOSE = Pattern.compile("(?i)\\b(?:intentionally|deliberately)\\b");
    private static final String INTENT = "\\W+(?:\\w+\\W+){0,3}?(?:intentionally|deliberately)\\W+(?:\\w+\\W+){0,2}?"
            + "(?:not\\s+supported|unsupported|ignored|unused|not\\s+used)\\b";

    private final List<String> scripts;
    private final Dialect dialect;
    private List<String> comments;
    private final Map<String, Boolean> answers = new HashMap<>();

    /** {@code scripts}: the texts of the chain's up scripts. */
    public UnusedTables(List<String> scripts, Dialect dialect) {
        this.scripts = scripts;
        this.dialect = dialect;
    }

    public boolean unusedOnPurpose(ObjectName table) {
        return answers.computeIfAbsent(table.name(), this::named);
    }

    private boolean named(String table) {
        Pattern said = Pattern.compile("(?i)(?<![\\w$])" + Pattern.quote(table) + "(?![\\w$]|\\.\\w)" + INTENT);
        return comments().stream().anyMatch(c -> said.matcher(c).find());
    }

    /** The comments that state an intent, from every up script of the chain. */
    private List<String> comments() {
        if (comments == null) {
            comments = new ArrayList<>();
            for (String text : scripts) {
                if (!ON_PURPOSE.matcher(text).find()) {
                    continue;
                }
                for (Token t : Lexer.lex(text, LexOptions.of(dialect)).tokens()) {
                    String comment = t.isComment() ? text.substring(t.start(), t.end()) : null;
                    if (comment != null && ON_PURPOSE.matcher(comment).find()) {
                        comments.add(comment);
                    }
                }
            }
        }
        return comments;
    }
}

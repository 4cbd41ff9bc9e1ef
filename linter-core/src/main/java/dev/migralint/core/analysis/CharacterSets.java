package dev.migralint.core.analysis;

import dev.migralint.core.lex.Token;
import dev.migralint.core.lex.TokenKind;
import dev.migralint.core.source.TextRange;
import dev.migralint.core.split.ScriptStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The MySQL character sets and collations a CREATE or ALTER statement declares: {@code CHARACTER SET x},
 * {@code CHARSET x}, {@code COLLATE x}, each optionally with {@code =} and {@code DEFAULT} before it, in
 * column definitions, table and database options and CONVERT TO. Names are lower-cased, quotes removed.
 * Other statements (SET NAMES, casts in queries) declare nothing here.
 */
public final class CharacterSets {
    private CharacterSets() {
    }

    /** A declared character set or collation and where its name stands. */
    public record Declared(String name, boolean collation, TextRange range) {
    }

    public static List<Declared> declaredIn(ScriptStatement statement) {
        String text = statement.file().text();
        List<Token> t = statement.significantTokens();
        List<Declared> found = new ArrayList<>();
        if (t.isEmpty() || !(t.get(0).isWord(text, "create") || t.get(0).isWord(text, "alter"))) {
            return found;
        }
        for (int i = 0; i < t.size(); i++) {
            int nameAt;
            boolean collation = false;
            if (t.get(i).isWord(text, "charset")) {
                nameAt = i + 1;
            } else if (t.get(i).isWord(text, "character") && i + 1 < t.size() && t.get(i + 1).isWord(text, "set")) {
                nameAt = i + 2;
            } else if (t.get(i).isWord(text, "collate")) {
                nameAt = i + 1;
                collation = true;
            } else {
                continue;
            }
            if (nameAt < t.size() && t.get(nameAt).kind() == TokenKind.OPERATOR && t.get(nameAt).text(text).equals("=")) {
                nameAt++;
            }
            if (nameAt >= t.size()) {
                continue;
            }
            Token name = t.get(nameAt);
            if (name.kind() != TokenKind.WORD && name.kind() != TokenKind.QUOTED_IDENTIFIER
                    && name.kind() != TokenKind.STRING) {
                continue;
            }
            String raw = name.text(text);
            if (name.kind() != TokenKind.WORD && raw.length() >= 2) {
                raw = raw.substring(1, raw.length() - 1);
            }
            found.add(new Declared(raw.toLowerCase(Locale.ROOT), collation, name.range()));
        }
        return found;
    }
}

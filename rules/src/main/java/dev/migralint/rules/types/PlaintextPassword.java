package dev.migralint.rules.types;

import dev.migralint.core.change.ColumnDef;
import dev.migralint.core.change.DataType;
import dev.migralint.core.change.TableColumn;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ColumnRule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.schema.Table;
import java.util.List;
import java.util.Set;

/**
 * A password or secret column too short to hold a salted password hash. The name alone cannot tell
 * plaintext from a hash the application computes: in the corpus most {@code password varchar(255)}
 * columns hold bcrypt output. A column whose declared length is under 60 characters (bcrypt's output;
 * scrypt and Argon2 encodings are longer) can only hold the password as given, or an unsalted digest;
 * exactly 32 or 40 (hex MD5, SHA-1) are taken for digests. The last word of the name must be the
 * credential ({@code password_hint} is not a password); a word such as hash, digest, salt or encrypted
 * in the name, or a salt column in the table, says it is protected.
 */
@RuleInfo(id = "plaintext-password", category = Category.TYPES, severity = Severity.WARNING,
        summary = "A password column too short for a salted hash stores passwords as given")
public final class PlaintextPassword implements ColumnRule {
    private static final Set<String> CREDENTIAL = Set.of("password", "passwd", "pwd", "secret", "pass", "passphrase");
    private static final Set<String> PROTECTED = Set.of("hash", "hashed", "digest", "encrypted", "enc", "encrypt",
            "crypt", "crypted", "bcrypt", "salt", "salted", "cipher", "ciphertext", "sha", "sha1", "sha256", "sha512",
            "md5", "argon2", "scrypt", "pbkdf2", "hmac");
    private static final Set<String> STRING_TYPES = Set.of("varchar", "char");
    /** bcrypt's 60 characters are the shortest encoding of a salted password hash in common use. */
    private static final int SHORTEST_HASH = 60;
    private static final Set<Integer> DIGEST_LENGTHS = Set.of(32, 40);

    @Override
    public void check(TableColumn c, RuleContext ctx) {
        ColumnDef column = c.column();
        DataType type = column.type();
        List<String> words = NameWords.of(column.name());
        if (!STRING_TYPES.contains(type.name()) || type.array() || words.isEmpty()
                || !CREDENTIAL.contains(words.get(words.size() - 1))
                || words.stream().anyMatch(w -> PROTECTED.contains(w) || w.startsWith("hash") || w.startsWith("encrypt"))) {
            return;
        }
        Integer length = length(type);
        if (length == null || length >= SHORTEST_HASH || DIGEST_LENGTHS.contains(length) || hasSaltColumn(c, ctx)) {
            return;
        }
        ctx.report(column.range(), "Column " + c.label() + " is " + type.text() + ", too short for a salted password "
                        + "hash (bcrypt needs 60 characters): it holds the password as given")
                .help("Store a slow salted hash (bcrypt, scrypt or Argon2id) computed by the application, in a column "
                        + "long enough and named so: " + column.displayName() + "_hash text NOT NULL");
    }

    private static Integer length(DataType type) {
        if (type.args().size() != 1) {
            return type.args().isEmpty() && type.name().equals("char") ? 1 : null;
        }
        try {
            return Integer.parseInt(type.args().get(0).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A salt column next to it says the password is hashed with that salt. */
    private static boolean hasSaltColumn(TableColumn c, RuleContext ctx) {
        Table table = ctx.schemaAfter().table(c.table()).orElse(null);
        return table != null && table.columns().stream()
                .anyMatch(col -> NameWords.of(col.name()).stream().anyMatch(w -> w.equals("salt")));
    }
}

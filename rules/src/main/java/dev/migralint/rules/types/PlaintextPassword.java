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
 * A string column whose name ends in password, passwd, pwd or secret and says nothing of a hash,
 * digest, salt or encryption reads as a credential stored as given: anyone with read access to the
 * table, a backup or a replica has it. The last word must be the credential ({@code password_hint},
 * {@code password_changed_at} are not passwords), and binary columns are taken for digests. So is a
 * string sized exactly as a hex digest or a bcrypt hash (32, 40, 60, 64, 128), and a password in a
 * table with a salt column.
 */
@RuleInfo(id = "plaintext-password", category = Category.TYPES, severity = Severity.WARNING,
        summary = "A password or secret column should hold a hash or ciphertext, and its name should say so")
public final class PlaintextPassword implements ColumnRule {
    private static final Set<String> CREDENTIAL = Set.of("password", "passwd", "pwd", "secret", "pass", "passphrase");
    private static final Set<String> PROTECTED = Set.of("hash", "hashed", "digest", "encrypted", "enc", "encrypt",
            "crypt", "crypted", "bcrypt", "salt", "salted", "cipher", "ciphertext", "sha", "sha1", "sha256", "sha512",
            "md5", "argon2", "scrypt", "pbkdf2", "hmac");
    private static final Set<String> STRING_TYPES = Set.of("text", "varchar", "char", "tinytext", "mediumtext",
            "longtext", "citext", "string");
    /** Hex MD5, hex SHA-1, bcrypt, hex SHA-256 and hex SHA-512 lengths: a column sized exactly so holds a digest. */
    private static final Set<String> DIGEST_LENGTHS = Set.of("32", "40", "60", "64", "128");

    @Override
    public void check(TableColumn c, RuleContext ctx) {
        ColumnDef column = c.column();
        DataType type = column.type();
        List<String> words = NameWords.of(column.name());
        if (!STRING_TYPES.contains(type.name()) || words.isEmpty()
                || !CREDENTIAL.contains(words.get(words.size() - 1))
                || words.stream().anyMatch(w -> PROTECTED.contains(w) || w.startsWith("hash") || w.startsWith("encrypt"))) {
            return;
        }
        if (digestLength(type) || hasSaltColumn(c, ctx)) {
            return;
        }
        ctx.report(column.range(), "Column " + c.label() + " is " + type.text()
                        + " and its name says nothing of a hash or encryption: it reads as a credential stored as given")
                .help("Store a slow salted hash (bcrypt, scrypt or Argon2) of a password, or ciphertext of a secret the "
                        + "application must read back, and name the column so (" + column.name() + "_hash, encrypted_"
                        + column.name() + "); if it already holds one, rename it");
    }

    private static boolean digestLength(DataType type) {
        return type.args().size() == 1 && DIGEST_LENGTHS.contains(type.args().get(0).trim());
    }

    /** A salt column next to it says the password is hashed with that salt. */
    private static boolean hasSaltColumn(TableColumn c, RuleContext ctx) {
        Table table = ctx.schemaAfter().table(c.table()).orElse(null);
        return table != null && table.columns().stream()
                .anyMatch(col -> NameWords.of(col.name()).stream().anyMatch(w -> w.equals("salt")));
    }
}

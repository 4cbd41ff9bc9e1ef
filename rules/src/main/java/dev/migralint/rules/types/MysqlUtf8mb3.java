package dev.migralint.rules.types;

import dev.migralint.core.Dialect;
import dev.migralint.core.analysis.CharacterSets;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;

/**
 * MySQL's utf8 is utf8mb3: at most three bytes per character, so emoji and other characters outside
 * the Basic Multilingual Plane are rejected (strict mode) or cut off. utf8mb3 is deprecated since
 * MySQL 8.0.28 and utf8mb4 is the default character set since 8.0.
 */
@RuleInfo(id = "mysql-utf8mb3", category = Category.TYPES, severity = Severity.WARNING, dialects = Dialect.MYSQL,
        summary = "Use utf8mb4 in MySQL: utf8 (utf8mb3) cannot store characters outside the Basic Multilingual Plane")
public final class MysqlUtf8mb3 implements StatementRule {
    @Override
    public void check(RuleContext ctx) {
        for (CharacterSets.Declared d : CharacterSets.declaredIn(ctx.statement())) {
            String name = d.name();
            boolean mb3 = d.collation()
                    ? name.startsWith("utf8_") || name.startsWith("utf8mb3_")
                    : name.equals("utf8") || name.equals("utf8mb3");
            if (!mb3) {
                continue;
            }
            String replacement = d.collation()
                    ? "utf8mb4_" + name.substring(name.indexOf('_') + 1)
                    : "utf8mb4";
            ctx.report(d.range(), (d.collation() ? "Collation " : "Character set ") + name
                            + " stores at most 3 bytes per character (utf8mb3): emoji and other characters "
                            + "outside the Basic Multilingual Plane are rejected or cut off")
                    .help("Use " + replacement + (d.collation() ? " (or utf8mb4_0900_ai_ci on MySQL 8)" : "")
                            + "; converting an existing table (ALTER TABLE ... CONVERT TO CHARACTER SET utf8mb4) "
                            + "copies it");
        }
    }
}

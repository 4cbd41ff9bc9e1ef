package dev.migralint.rules.locking;

import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.DataType;
import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.change.SchemaChange.AddColumn;
import dev.migralint.core.change.SchemaChange.AddConstraint;
import dev.migralint.core.change.SchemaChange.AlterColumnType;
import dev.migralint.core.change.SchemaChange.ConstraintKind;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.DropConstraint;
import dev.migralint.core.schema.Column;
import dev.migralint.rules.ObjectLabels;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The InnoDB online DDL operations that do not permit concurrent writes, after the MySQL 5.7 and 8.0
 * reference ("Online DDL Operations"). Everything not listed here runs INSTANT or INPLACE with
 * concurrent DML in both versions: adding, dropping, renaming and reordering columns, setting or
 * dropping a default, NULL / NOT NULL, adding, dropping and renaming secondary indexes, adding a
 * primary key, dropping a foreign key, widening a VARCHAR within its length-byte class, appending
 * ENUM/SET members. Adding a foreign key runs INPLACE only with foreign_key_checks=0 in the session,
 * else COPY (5.7, 8.0, 8.4 and MariaDB alike). Converting the character set (CONVERT TO CHARACTER
 * SET) copies the table; the rule reads that clause itself.
 */
final class MysqlOnlineDdl {
    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "integer", "int", "bigint");

    private MysqlOnlineDdl() {
    }

    /** target-version 5 (or 50-59, e.g. 57) is MySQL 5.7; anything else the latest 8.x. */
    static boolean isMysql57(int targetVersion) {
        return targetVersion == 5 || targetVersion >= 50 && targetVersion < 60;
    }

    static ObjectName table(SchemaChange c) {
        if (c instanceof AddColumn a) {
            return a.table();
        } else if (c instanceof AlterColumnType t) {
            return t.table();
        } else if (c instanceof DropConstraint d) {
            return d.table();
        } else if (c instanceof AddConstraint a) {
            return a.table();
        } else if (c instanceof CreateIndex i) {
            return i.table();
        } else if (c instanceof SchemaChange.DropColumn d) {
            return d.table();
        } else if (c instanceof SchemaChange.RenameColumn r) {
            return r.table();
        }
        return null;
    }

    /**
     * What blocks writes in {@code change}, as the start of a message; null when it runs online.
     * {@code foreignKeyChecks} is the session's foreign_key_checks (on unless the script turned it off).
     */
    static String blockingOperation(SchemaChange change, List<SchemaChange> all, Optional<Column> before,
                                    boolean foreignKeyChecks) {
        if (foreignKeyChecks && foreignKey(change) instanceof Constraint.ForeignKey fk) {
            return "adding foreign key" + (fk.name() == null ? "" : " " + fk.name()) + " with foreign_key_checks on "
                    + "copies the table (ALGORITHM=COPY; INPLACE needs foreign_key_checks=0)";
        }
        if (change instanceof AlterColumnType type && type.redefinition() != null && before.isPresent()
                && !sameOrOnline(before.get().type(), type.type())) {
            return "changing column " + type.redefinition().displayName() + " from " + before.get().type().text() + " to "
                    + type.type().text() + " copies the table (ALGORITHM=COPY)";
        }
        if (change instanceof AddColumn add && add.column().identity()) {
            return "adding AUTO_INCREMENT column " + add.column().displayName() + " rebuilds the table without concurrent writes";
        }
        if (change instanceof AddColumn add && add.column().generatedExpression() != null
                && add.column().generatedStored()) {
            return "adding STORED generated column " + add.column().displayName() + " copies the table (ALGORITHM=COPY)";
        }
        if (change instanceof DropConstraint drop && drop.kind() == ConstraintKind.PRIMARY_KEY
                && all.stream().noneMatch(c -> c instanceof AddConstraint a
                        && a.constraint() instanceof Constraint.PrimaryKey)) {
            return "dropping the primary key without adding another copies the table (ALGORITHM=COPY)";
        }
        if (change instanceof CreateIndex index && (index.method().equals("fulltext") || index.method().equals("spatial"))) {
            return "adding " + index.method().toUpperCase(Locale.ROOT) + " index"
                    + (index.name() == null ? "" : " " + ObjectLabels.qualified(index.name())) + " runs without concurrent writes";
        }
        return null;
    }

    /** The foreign key an ALTER TABLE ... ADD [CONSTRAINT ...] FOREIGN KEY adds, or null. */
    static Constraint foreignKey(SchemaChange change) {
        return change instanceof AddConstraint add && add.constraint() instanceof Constraint.ForeignKey fk ? fk : null;
    }

    /** foreign_key_checks as the script left it before this statement: on unless set to 0 / OFF. */
    static boolean foreignKeyChecks(String setting) {
        if (setting == null) {
            return true;
        }
        String v = setting.strip().toLowerCase(Locale.ROOT);
        return !(v.equals("0") || v.equals("off") || v.equals("false"));
    }

    static String help(SchemaChange change) {
        if (foreignKey(change) != null) {
            return "With SET foreign_key_checks = 0 before the ALTER (and = 1 after) InnoDB adds the key INPLACE "
                    + "without blocking writes, but does not check the existing rows: find orphans first (a LEFT "
                    + "JOIN on the referenced table WHERE its key IS NULL); or " + MysqlUnsafeAlter.TOOL;
        }
        if (change instanceof AlterColumnType) {
            return "Change the type without blocking: add a column of the new type, backfill it in batches, switch "
                    + "the application over and drop the old column; or " + MysqlUnsafeAlter.TOOL;
        }
        return MysqlUnsafeAlter.HELP;
    }

    /** True when the types are the same, or the change is one InnoDB makes in place with concurrent writes. */
    static boolean sameOrOnline(DataType from, DataType to) {
        if (!from.name().equals(to.name()) || from.array() != to.array() || flags(from) != flags(to)) {
            return false;
        }
        if (INTEGERS.contains(from.name()) || from.args().equals(to.args())) {
            return true; // an integer's display width changes nothing
        }
        if (from.name().equals("varchar") && from.args().size() == 1 && to.args().size() == 1) {
            // Widening in place keeps the length prefix at one byte (up to 255 bytes) or two; utf8mb4 assumed.
            int a = number(from.args().get(0));
            int b = number(to.args().get(0));
            return a > 0 && b >= a && (b * 4 <= 255 || a * 4 > 255);
        }
        if (from.name().equals("enum") || from.name().equals("set")) {
            return to.args().size() >= from.args().size() && to.args().subList(0, from.args().size()).equals(from.args())
                    && (from.name().equals("enum") || (from.args().size() + 7) / 8 == (to.args().size() + 7) / 8);
        }
        return false;
    }

    private static int flags(DataType t) {
        String text = t.text().toLowerCase(Locale.ROOT);
        return (text.contains("unsigned") ? 1 : 0) + (text.contains("zerofill") ? 2 : 0);
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

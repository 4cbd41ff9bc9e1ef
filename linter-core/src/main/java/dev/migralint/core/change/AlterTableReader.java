package dev.migralint.core.change;

import dev.migralint.core.Dialect;
import dev.migralint.core.change.SchemaChange.AddColumn;
import dev.migralint.core.change.SchemaChange.AddConstraint;
import dev.migralint.core.change.SchemaChange.AlterColumnType;
import dev.migralint.core.change.SchemaChange.ConstraintKind;
import dev.migralint.core.change.SchemaChange.CreateIndex;
import dev.migralint.core.change.SchemaChange.DropColumn;
import dev.migralint.core.change.SchemaChange.DropConstraint;
import dev.migralint.core.change.SchemaChange.DropDefault;
import dev.migralint.core.change.SchemaChange.DropIndex;
import dev.migralint.core.change.SchemaChange.DropNotNull;
import dev.migralint.core.change.SchemaChange.Opaque;
import dev.migralint.core.change.SchemaChange.RenameColumn;
import dev.migralint.core.change.SchemaChange.RenameConstraint;
import dev.migralint.core.change.SchemaChange.RenameIndex;
import dev.migralint.core.change.SchemaChange.RenameTable;
import dev.migralint.core.change.SchemaChange.SetDefault;
import dev.migralint.core.change.SchemaChange.SetNotNull;
import dev.migralint.core.change.SchemaChange.SetRowLevelSecurity;
import dev.migralint.core.change.SchemaChange.ValidateConstraint;
import dev.migralint.core.lex.TokenCursor;
import dev.migralint.core.source.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads ALTER TABLE in PostgreSQL's and MySQL's grammar: one change per action, each with the range
 * of its own clause. Actions it does not model (OWNER TO, ENABLE TRIGGER, ALGORITHM=...) are opaque.
 */
final class AlterTableReader {
    private AlterTableReader() {
    }

    /** Words after ADD that add a constraint, an index or a partition rather than a column. */
    private static final Set<String> ADD_NON_COLUMN = Set.of(
            "constraint", "primary", "unique", "foreign", "check", "exclude", "index", "key", "fulltext",
            "spatial", "partition", "period");

    private static final Set<String> MYSQL_INDEX_WORDS = Set.of("index", "key", "fulltext", "spatial", "unique");

    private static final Set<String> DEFERRABILITY_WORDS = Set.of("not", "deferrable", "initially", "deferred", "immediate");

    /**
     * Attributes ALTER CONSTRAINT sets (PostgreSQL 18's gram.y, ConstraintAttributeElem less NOT VALID,
     * which its parser rejects there), none of them modelled, by family: the parser also rejects two of
     * one family, and NOT DEFERRABLE with INITIALLY DEFERRED.
     */
    private static final List<List<String>> CONSTRAINT_ATTRIBUTES = List.of(List.of("not", "deferrable"),
            List.of("deferrable"), List.of("initially", "immediate"), List.of("initially", "deferred"),
            List.of("no", "inherit"), List.of("not", "enforced"), List.of("enforced"));
    private static final int[] ATTRIBUTE_FAMILY = {0, 0, 1, 1, 2, 3, 3};

    /**
     * ALTER TABLE, read leniently; recognized only in the forms JSqlParser lacks: ADD [CONSTRAINT c]
     * {UNIQUE | PRIMARY KEY} USING INDEX i [deferrability], PostgreSQL 18's ADD [CONSTRAINT c] NOT NULL
     * column and ALTER CONSTRAINT c attributes, alone or with each other and plain DROPs.
     */
    static Reading read(TokenCursor t, TextRange range) {
        List<SchemaChange> changes = alterTable(t, range);
        if (changes == null) {
            return null;
        }
        return Reading.of(changes, recognizedActionsEnd(t));
    }

    /**
     * At least one action is one JSqlParser lacks, and every action is one of those or a plain DROP
     * [COLUMN | CONSTRAINT], each read to its end: the swap crates.io does in one statement (DROP
     * CONSTRAINT pkey, ADD CONSTRAINT pkey PRIMARY KEY USING INDEX i, DROP COLUMN id).
     */
    private static boolean recognizedActionsEnd(TokenCursor t) {
        int i = t.skip(t.skip(2, "if", "exists"), "only");
        TokenCursor.QualifiedName table = t.isWord(1, "table") ? t.qualifiedName(i) : null;
        if (table == null) {
            return false;
        }
        boolean lacking = false;
        for (int[] action : t.splitTopLevel(table.end(), t.size())) {
            boolean lacks = addUsingIndexEnd(t, action[0], action[1]) || alterConstraintEnd(t, action[0], action[1])
                    || t.dialect() != Dialect.MYSQL && t.isWord(action[0], "add")
                    && ConstraintReader.notNull(t, action[0] + 1, action[1]) != null;
            if (!lacks && !plainDropEnd(t, action[0], action[1])) {
                return false;
            }
            lacking |= lacks;
        }
        return lacking;
    }

    /** ALTER CONSTRAINT c followed by one or more attributes, or by INHERIT alone (PostgreSQL 18). */
    private static boolean alterConstraintEnd(TokenCursor t, int i, int end) {
        if (!t.isWords(i, "alter", "constraint") || !t.isIdentifier(i + 2)) {
            return false;
        }
        i += 3;
        if (t.dialect() == Dialect.MYSQL) {
            // MySQL 8's ALTER CONSTRAINT c [NOT] ENFORCED; the rest is PostgreSQL's
            return t.skip(t.skip(i, "not"), "enforced") == end && t.isWord(end - 1, "enforced");
        }
        if (t.isWord(i, "inherit")) {
            return i + 1 == end;
        }
        int first = i;
        int families = 0;
        while (i < end) {
            int at = i;
            for (int a = 0; a < CONSTRAINT_ATTRIBUTES.size() && i == at; a++) {
                List<String> attribute = CONSTRAINT_ATTRIBUTES.get(a);
                if (t.isWords(at, attribute.toArray(String[]::new))) {
                    int family = 1 << ATTRIBUTE_FAMILY[a];
                    if ((families & family) != 0 || a == 0 && t.findTopLevelWord(first, end, "deferred") >= 0) {
                        return false;
                    }
                    families |= family;
                    i = at + attribute.size();
                }
            }
            if (i == at) {
                return false;
            }
        }
        return i == end && i > first;
    }

    private static boolean plainDropEnd(TokenCursor t, int i, int end) {
        if (!t.isWord(i, "drop")) {
            return false;
        }
        i = t.isWord(i + 1, "constraint") || t.isWord(i + 1, "column") ? i + 2 : i + 1;
        i = t.skip(i, "if", "exists");
        if (!t.isIdentifier(i)) {
            return false;
        }
        i++;
        if (t.isWord(i, "cascade") || t.isWord(i, "restrict")) {
            i++;
        }
        return i == end;
    }

    private static boolean addUsingIndexEnd(TokenCursor t, int i, int end) {
        if (!t.isWord(i, "add")) {
            return false;
        }
        i++;
        if (t.isWord(i, "constraint")) {
            i += 2;
        }
        i = t.isWords(i, "primary", "key") ? i + 2 : t.isWord(i, "unique") ? i + 1 : -1;
        TokenCursor.QualifiedName index = i >= 0 && t.isWords(i, "using", "index") ? t.qualifiedName(i + 2) : null;
        if (index == null) {
            return false;
        }
        i = index.end();
        while (i < end && DEFERRABILITY_WORDS.contains(t.word(i))) {
            i++;
        }
        return i == end;
    }

    /** ALTER TABLE [IF EXISTS] [ONLY] name action [, action ...]. */
    static List<SchemaChange> alterTable(TokenCursor t, TextRange range) {
        if (!t.isWord(0, "alter")) {
            return null;
        }
        int i = 1;
        while (t.isWord(i, "online") || t.isWord(i, "ignore")) {
            i++;
        }
        if (!t.isWord(i, "table")) {
            return null;
        }
        int afterIf = t.skip(i + 1, "if", "exists");
        boolean ifExists = afterIf > i + 1;
        boolean only = t.isWord(afterIf, "only");
        TokenCursor.QualifiedName name = t.qualifiedName(t.skip(afterIf, "only"));
        if (name == null) {
            return null;
        }
        i = name.end();
        if (t.isOperator(i, "*")) {
            i++;
        }
        List<SchemaChange> changes = new ArrayList<>();
        List<SchemaChange> renames = new ArrayList<>();
        for (int[] action : t.splitTopLevel(i, t.size())) {
            Action a = new Action(t, ObjectName.of(name), ifExists, only, action[0], action[1]);
            for (SchemaChange c : a.read()) {
                (c instanceof RenameTable ? renames : changes).add(c);
            }
        }
        // MySQL's other clauses (RENAME COLUMN, ADD ...) name the table as it was: the rename comes last.
        changes.addAll(renames);
        return changes;
    }

    /** One action of an ALTER TABLE, tokens {@code [start, end)}. */
    private static final class Action {
        private final TokenCursor t;
        private final ObjectName table;
        private final boolean ifExists;
        private final boolean only;
        private final int start;
        private final int end;
        private final TextRange clause;
        private final boolean mysql;

        Action(TokenCursor t, ObjectName table, boolean ifExists, boolean only, int start, int end) {
            this.t = t;
            this.table = table;
            this.ifExists = ifExists;
            this.only = only;
            this.start = start;
            this.end = end;
            this.clause = t.range(start, end - 1);
            this.mysql = t.dialect() == Dialect.MYSQL;
        }

        List<SchemaChange> read() {
            List<SchemaChange> changes = switch (t.word(start)) {
                case "add" -> add();
                case "drop" -> single(drop());
                case "alter" -> single(alterColumn());
                case "rename" -> single(rename());
                case "set" -> single(t.isWord(start + 1, "schema") && t.isIdentifier(start + 2)
                        ? new RenameTable(table, new ObjectName(t.identifier(start + 2), table.name()), ifExists, clause)
                        : null);
                case "validate" -> single(t.isWord(start + 1, "constraint") && t.isIdentifier(start + 2)
                        ? new ValidateConstraint(table, t.identifier(start + 2), clause) : null);
                case "enable", "disable" -> single(!mysql && t.isWords(start + 1, "row", "level", "security")
                        ? new SetRowLevelSecurity(table, t.word(start).equals("enable"), clause) : null);
                case "attach", "detach" -> single(!mysql && t.isWord(start + 1, "partition") ? partition() : null);
                case "change" -> mysql ? change() : null;
                case "modify" -> mysql ? single(modify()) : null;
                default -> null;
            };
            return changes == null || changes.isEmpty() ? List.of(opaque()) : changes;
        }

        /** ATTACH PARTITION p ... or DETACH PARTITION p [CONCURRENTLY | FINALIZE]. */
        private SchemaChange partition() {
            TokenCursor.QualifiedName partition = t.qualifiedName(start + 2);
            if (partition == null) {
                return null;
            }
            int after = partition.end();
            return new SchemaChange.AttachPartition(table, ObjectName.of(partition), t.word(start).equals("attach"),
                    t.isWord(after, "concurrently"), t.isWord(after, "finalize"), clause, t.range(start + 2, after - 1));
        }

        private List<SchemaChange> add() {
            int i = start + 1;
            ConstraintReader.NotNull notNull = mysql ? null : ConstraintReader.notNull(t, i, end);
            if (notNull != null) {
                // Validated, it scans the table like SET NOT NULL; NOT VALID skips the scan and leaves
                // existing rows unchecked, so the column is not taken for NOT NULL (an opaque change).
                return notNull.notValid() ? null : single(new SetNotNull(table, notNull.column(), clause));
            }
            if (ADD_NON_COLUMN.contains(t.word(i))) {
                return single(nonColumn(i, end, clause));
            }
            i = t.skip(i, "column");
            int afterIf = t.skip(i, "if", "not", "exists");
            boolean ifNotExists = afterIf > i;
            i = afterIf;
            List<SchemaChange> changes = new ArrayList<>();
            if (t.isOperator(i, "(") && mysql) {
                // MySQL: ADD [COLUMN] (a int, b int)
                int close = t.closingParen(i);
                if (close < 0 || close >= end) {
                    return null;
                }
                for (int[] part : t.splitTopLevel(i + 1, close)) {
                    if (ADD_NON_COLUMN.contains(t.word(part[0]))) {
                        // ranger: ADD (CONSTRAINT fk FOREIGN KEY ...), a list of one constraint
                        SchemaChange c = nonColumn(part[0], part[1], t.range(part[0], part[1] - 1));
                        if (c != null) {
                            changes.add(c);
                        }
                    } else {
                        addColumn(part[0], part[1], ifNotExists, null, changes);
                    }
                }
            } else {
                addColumn(i, end, ifNotExists, clause, changes);
            }
            return changes;
        }

        /** An added constraint, or MySQL index, in tokens {@code [i, to)}; null when not read. */
        private SchemaChange nonColumn(int i, int to, TextRange range) {
            if (mysql && isMysqlIndex(i)) {
                String symbol = ConstraintReader.constraintName(t, i);
                int body = symbol != null ? i + 2 : t.isWord(i, "constraint") ? i + 1 : i;
                CreateIndex index = IndexDdlReader.addIndexClause(t, table, body, to, range);
                return index != null && index.name() == null && symbol != null
                        ? TableDdlReader.withName(index, new ObjectName(null, symbol, t.spelling(i + 1))) : index;
            }
            Constraint c = ConstraintReader.tableConstraint(t, i, to);
            return c == null ? null : new AddConstraint(table, c, range);
        }

        private boolean isMysqlIndex(int i) {
            String symbol = ConstraintReader.constraintName(t, i);
            int body = symbol != null ? i + 2 : t.isWord(i, "constraint") ? i + 1 : i;
            return MYSQL_INDEX_WORDS.contains(t.word(body));
        }

        /** One added column; {@code range} null means the column's own range (MySQL's column lists). */
        private void addColumn(int from, int to, boolean ifNotExists, TextRange range, List<SchemaChange> out) {
            ColumnDefReader.Read read = ColumnDefReader.readWithConstraints(t, from, to);
            if (read == null) {
                return;
            }
            List<Constraint> constraints = new ArrayList<>();
            List<SchemaChange> indexes = new ArrayList<>();
            for (Constraint c : read.constraints()) {
                if (mysql && c instanceof Constraint.Unique u) {
                    indexes.add(TableDdlReader.mysqlUniqueIndex(table, u));
                } else {
                    constraints.add(c);
                }
            }
            out.add(new AddColumn(table, read.column(), ifNotExists, constraints,
                    range == null ? read.column().range() : range));
            out.addAll(indexes);
        }

        private SchemaChange drop() {
            int i = start + 1;
            if (mysql && (t.isWord(i, "index") || t.isWord(i, "key"))) {
                TokenCursor.QualifiedName q = t.qualifiedName(i + 1);
                return q == null ? null : new DropIndex(List.of(ObjectName.of(q)), false, false, table, clause);
            }
            if (t.isWords(i, "primary", "key")) {
                return new DropConstraint(table, null, ConstraintKind.PRIMARY_KEY, false, false, clause);
            }
            if (t.isWords(i, "foreign", "key") && t.isIdentifier(i + 2)) {
                return new DropConstraint(table, t.identifier(i + 2), ConstraintKind.FOREIGN_KEY, false, false, clause);
            }
            if (mysql && t.isWord(i, "check") && t.isIdentifier(i + 1)) {
                return new DropConstraint(table, t.identifier(i + 1), ConstraintKind.CHECK, false, false, clause);
            }
            boolean cascade = t.findTopLevelWord(i, end, "cascade") >= 0;
            if (t.isWord(i, "constraint")) {
                int afterIf = t.skip(i + 1, "if", "exists");
                return t.isIdentifier(afterIf) && afterIf < end
                        ? new DropConstraint(table, t.identifier(afterIf), null, afterIf > i + 1, cascade, clause) : null;
            }
            if (Set.of("check", "partition", "default", "period").contains(t.word(i))) {
                return null;
            }
            i = t.skip(i, "column");
            int afterIf = t.skip(i, "if", "exists");
            if (!t.isIdentifier(afterIf) || afterIf >= end) {
                return null;
            }
            return new DropColumn(table, t.identifier(afterIf), afterIf > i, cascade, only, clause, t.spelling(afterIf));
        }

        /** ALTER [COLUMN] c {TYPE | SET DATA TYPE | SET DEFAULT | DROP DEFAULT | SET NOT NULL | DROP NOT NULL}. */
        private SchemaChange alterColumn() {
            int i = start + 1;
            if (Set.of("constraint", "index", "check").contains(t.word(i))) {
                return null;
            }
            i = t.skip(i, "column");
            if (!t.isIdentifier(i)) {
                return null;
            }
            String column = t.identifier(i);
            i++;
            if (t.isWord(i, "type") || t.isWords(i, "set", "data", "type")) {
                int typeStart = t.isWord(i, "type") ? i + 1 : i + 3;
                DataTypeReader.Read type = DataTypeReader.read(t, typeStart, end);
                if (type == null) {
                    return null;
                }
                int using = t.findTopLevelWord(type.end(), end, "using");
                String usingText = using >= 0 && using + 1 < end ? t.sourceText(using + 1, end - 1) : null;
                return new AlterColumnType(table, column, type.type(), usingText, null, clause, type.range());
            }
            if (t.isWords(i, "set", "default") && i + 2 < end) {
                return new SetDefault(table, column, t.sourceText(i + 2, end - 1), clause);
            }
            if (t.isWords(i, "drop", "default")) {
                return new DropDefault(table, column, clause);
            }
            if (t.isWords(i, "set", "not", "null")) {
                return new SetNotNull(table, column, clause);
            }
            if (t.isWords(i, "drop", "not", "null")) {
                return new DropNotNull(table, column, clause);
            }
            return null;
        }

        private SchemaChange rename() {
            int i = start + 1;
            if (t.isWord(i, "to") || t.isWord(i, "as") || (mysql && t.isIdentifier(i) && !t.isWord(i, "column")
                    && !t.isWord(i, "index") && !t.isWord(i, "key"))) {
                int at = t.isWord(i, "to") || t.isWord(i, "as") ? i + 1 : i;
                TokenCursor.QualifiedName q = t.qualifiedName(at);
                return q == null ? null : new RenameTable(table, ObjectName.of(q), ifExists, clause);
            }
            if (t.isWord(i, "constraint")) {
                return t.isIdentifier(i + 1) && t.isWord(i + 2, "to") && t.isIdentifier(i + 3)
                        ? new RenameConstraint(table, t.identifier(i + 1), t.identifier(i + 3), clause) : null;
            }
            if (mysql && (t.isWord(i, "index") || t.isWord(i, "key"))) {
                return t.isIdentifier(i + 1) && t.isWord(i + 2, "to") && t.isIdentifier(i + 3)
                        ? new RenameIndex(new ObjectName(null, t.identifier(i + 1), t.spelling(i + 1)), table,
                                t.identifier(i + 3), false, clause, t.spelling(i + 3))
                        : null;
            }
            i = t.skip(i, "column");
            return t.isIdentifier(i) && t.isWord(i + 1, "to") && t.isIdentifier(i + 2)
                    ? new RenameColumn(table, t.identifier(i), t.identifier(i + 2), clause, t.spelling(i + 2)) : null;
        }

        /** MySQL: CHANGE [COLUMN] old new_definition: a rename (when the name changes) and a redefinition. */
        private List<SchemaChange> change() {
            int i = t.skip(start + 1, "column");
            if (!t.isIdentifier(i)) {
                return null;
            }
            String old = t.identifier(i);
            ColumnDef def = ColumnDefReader.read(t, i + 1, end);
            if (def == null) {
                return null;
            }
            List<SchemaChange> changes = new ArrayList<>();
            if (!def.name().equals(old)) {
                changes.add(new RenameColumn(table, old, def.name(), clause, def.spelling()));
            }
            // the definition's spelling is the column's new one, also when only its case changes (no rename)
            changes.add(new AlterColumnType(table, def.name(), def.type(), null, def, clause));
            return changes;
        }

        /**
         * MySQL: MODIFY [COLUMN] definition replaces the column's whole definition, its name's case
         * included: MySQL takes the field name as MODIFY writes it, as for CHANGE.
         */
        private SchemaChange modify() {
            ColumnDef def = ColumnDefReader.read(t, t.skip(start + 1, "column"), end);
            return def == null ? null : new AlterColumnType(table, def.name(), def.type(), null, def, clause);
        }

        private Opaque opaque() {
            StringBuilder what = new StringBuilder("AlterTable:");
            for (int i = start; i < Math.min(end, start + 2); i++) {
                what.append(' ').append(t.text(i).toUpperCase(Locale.ROOT));
            }
            return new Opaque(what.toString(), clause);
        }

        private static List<SchemaChange> single(SchemaChange change) {
            return change == null ? null : List.of(change);
        }
    }
}

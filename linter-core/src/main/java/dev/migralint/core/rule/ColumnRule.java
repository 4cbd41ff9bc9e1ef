package dev.migralint.core.rule;

import dev.migralint.core.change.TableColumn;

/**
 * Sees every column a statement defines, with its table, in statement order: CREATE TABLE, ADD COLUMN,
 * and the new type of ALTER COLUMN ... TYPE, MODIFY and CHANGE (unless the retype keeps the type). A
 * down script defines none here: it restores columns whose types were chosen before. What type rules
 * check, so each is only its test of the column's type.
 */
public interface ColumnRule extends Rule {
    void check(TableColumn column, RuleContext ctx);
}

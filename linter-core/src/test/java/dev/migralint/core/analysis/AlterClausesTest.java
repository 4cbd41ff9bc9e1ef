package dev.migralint.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.change.ObjectName;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.source.TextRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlterClausesTest {
    @Test
    void readsAlgorithmAndLockFromOpaqueActions() {
        String sql = "ALTER TABLE t ADD COLUMN c int, ALGORITHM = INPLACE, LOCK=none";
        List<SchemaChange> changes = List.of(
                new SchemaChange.Opaque("AlterTable: ALGORITHM =", new TextRange(sql.indexOf("ALGORITHM"), sql.indexOf(", LOCK"))),
                new SchemaChange.Opaque("AlterTable: LOCK =", new TextRange(sql.indexOf("LOCK"), sql.length())));
        AlterClauses.Options options = AlterClauses.read(sql, changes);
        assertThat(options.algorithm()).isEqualTo("INPLACE");
        assertThat(options.lock()).isEqualTo("NONE");
        assertThat(options.table()).isNull();
    }

    @Test
    void readsTheTableAndClausesOfAWhollyOpaqueAlter() {
        String sql = "ALTER TABLE `app`.`Orders` CONVERT TO CHARACTER SET utf8mb4, ALGORITHM=COPY";
        AlterClauses.Options options = AlterClauses.read(sql,
                List.of(new SchemaChange.Opaque("AlterTable", new TextRange(0, sql.length()))));
        assertThat(options.table()).isEqualTo(new ObjectName("app", "orders"));
        assertThat(options.algorithm()).isEqualTo("COPY");
        assertThat(options.clauses().get(0)).startsWith("convert", "to", "character", "set");
    }
}

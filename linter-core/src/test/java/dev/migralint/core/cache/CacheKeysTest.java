package dev.migralint.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.FailOn;
import dev.migralint.core.config.RuleSetting;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.migration.FolderSettings;
import dev.migralint.core.migration.Layout;
import dev.migralint.core.migration.ScriptOptions;
import dev.migralint.core.source.TextRange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeysTest {
    /**
     * The records spelled by hand spell exactly as reflection over their components does: a component
     * added to Config (or the others) without being added to the key fails here.
     */
    @Test
    void handSpelledRecordsCoverEveryComponent() {
        RuleSetting rule = new RuleSetting(true, Severity.ERROR, Map.of("max", IntNode.valueOf(3)));
        FolderSettings folder = new FolderSettings(Layout.FLYWAY, Dialect.MYSQL, List.of("*_ddl.sql"));
        Config config = new Config(Dialect.MYSQL, 8, List.of("db"), List.of("queries"), List.of("app.log"),
                Map.of("schema", "public"), true, true, FailOn.ERROR, "baseline.json", Map.of("ban-char", rule),
                Path.of("/p/.migralint.yaml"), Map.of("db", folder), List.of("db/old"), StandardCharsets.ISO_8859_1,
                false, "%m [%p] ", 1024);
        for (Record r : List.of(config, rule, folder, new ScriptOptions("GO", false, List.of(new TextRange(1, 2))),
                new TextRange(3, 4))) {
            StringBuilder fast = new StringBuilder();
            CacheKeys.spell(r, fast);
            StringBuilder reflective = new StringBuilder();
            CacheKeys.spellReflectively(r, reflective);
            assertThat(fast.toString()).isEqualTo(reflective.toString()).contains(r.getClass().getRecordComponents()[0].getName() + "=");
        }
    }
}

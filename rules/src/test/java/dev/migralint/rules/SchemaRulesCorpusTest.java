package dev.migralint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.FailOn;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.RuleRegistry;
import dev.migralint.core.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Exploration: prints the schema rules' findings on the corpus files the issue names. */
class SchemaRulesCorpusTest {
    private static final Path CORPUS = Path.of("..", "..", "shared", "corpus").toAbsolutePath().normalize();

    @Test
    void print() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "SKIPPED: no corpus at " + CORPUS);
        String ohdsi = "schemas/OHDSI_CommonDataModel/inst/ddl/5.4/postgresql/OMOPCDM_postgresql_5.4_";
        dump(lint(List.of(ohdsi + "ddl.sql", ohdsi + "primary_keys.sql", ohdsi + "constraints.sql", ohdsi + "indices.sql")));
        dump(lint(List.of("schemas/danbooru_danbooru/db/structure.sql")));
        dump(lint(List.of("schemas/PostgREST_postgrest/test/io/fixtures/big_schema.sql")));
    }

    private static void dump(Report r) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Finding f : r.activeFindings()) {
            counts.merge(f.ruleId(), 1L, Long::sum);
            if (!f.ruleId().startsWith("require-") && !f.ruleId().startsWith("prefer-")) {
                int line = f.location().file().lines().line(f.location().startOffset());
                System.out.println(f.location().file().displayPath() + ":" + line + " " + f.ruleId() + " " + f.message());
            }
        }
        System.out.println(counts);
    }

    static Report lint(List<String> files) throws IOException {
        List<SourceFile> sources = new ArrayList<>();
        for (String f : files) {
            Path p = CORPUS.resolve(f);
            sources.add(new SourceFile(p, f, Files.readString(p, StandardCharsets.UTF_8)));
        }
        Config config = new Config(Dialect.POSTGRESQL, Config.DEFAULT_TARGET_VERSION, List.of(), List.of(), List.of(),
                Map.of("cdmDatabaseSchema", "cdm"), false, false, FailOn.NEVER, null, Map.of(), null);
        return new LintEngine(RuleRegistry.load()).lintSources(sources, config);
    }
}

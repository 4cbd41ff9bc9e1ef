package dev.migralint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.config.Config;
import dev.migralint.core.config.FailOn;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The whole-schema rules on real schemas from the shared corpus, with counts checked by hand against
 * the files (the reasoning is in the comments). Prints what it finds; skips visibly without the corpus.
 */
@Tag("slow")
class SchemaRulesCorpusTest {
    private static final Path CORPUS = Path.of(System.getProperty("migralint.corpus.dir", "../../shared/corpus"))
            .toAbsolutePath().normalize();
    private static final Pattern INDEX_NAME = Pattern.compile("^Index (\\S+) on ");

    /**
     * OMOP CDM 5.4 as one chain: tables, then primary keys, then 176 single-column foreign keys, then
     * 70 CREATE INDEX (two more are commented out). 56 of the keys have an index or primary key that
     * leads with their column; the other 120 have none. Checked with a separate reading of the files
     * that pairs each FOREIGN KEY (table, column) with the leading column of every PRIMARY KEY and
     * uncommented CREATE INDEX of its table.
     */
    @Test
    void ohdsiCdmUnindexedForeignKeys() throws IOException {
        String dir = "schemas/OHDSI_CommonDataModel/inst/ddl/5.4/postgresql/OMOPCDM_postgresql_5.4_";
        Report report = lint(dir + "ddl.sql", dir + "primary_keys.sql", dir + "constraints.sql", dir + "indices.sql");
        List<Finding> unindexed = findings(report, "unindexed-foreign-key");
        System.out.println("OHDSI CDM 5.4 (PostgreSQL): unindexed-foreign-key findings: " + unindexed.size());
        assertThat(findings(report, "parse-error")).isEmpty();
        assertThat(findings(report, "foreign-key-target-not-unique")).as("every key found its target").isEmpty();
        assertThat(unindexed).hasSize(120);
        assertThat(unindexed).extracting(Finding::message)
                .contains("Foreign key @cdmDatabaseSchema.person.race_concept_id has no index whose leading column"
                        + " is race_concept_id")
                // the index on episode.episode_concept_id is commented out in indices.sql
                .contains("Foreign key @cdmDatabaseSchema.episode.episode_concept_id has no index whose leading"
                        + " column is episode_concept_id")
                // idx_gender and idx_visit_concept_id_1 serve these
                .doesNotContain("Foreign key @cdmDatabaseSchema.person.gender_concept_id has no index whose leading"
                        + " column is gender_concept_id")
                .doesNotContain("Foreign key @cdmDatabaseSchema.visit_occurrence.visit_concept_id has no index whose"
                        + " leading column is visit_concept_id");
    }

    /**
     * danbooru's structure.sql: 26 single-column indexes that lead a two- to four-column index with no
     * predicate, and two exact repeats of a unique key. Each was checked against its CREATE INDEX
     * lines; the text_pattern_ops indexes next to plain ones on the same column are not repeats.
     */
    @Test
    void danbooruDuplicateAndRedundantIndexes() throws IOException {
        Report report = lint("schemas/danbooru_danbooru/db/structure.sql");
        List<String> duplicates = indexNames(print("danbooru", report, "duplicate-index"));
        List<String> redundant = indexNames(print("danbooru", report, "redundant-index"));
        assertThat(duplicates).containsExactlyInAnyOrder("index_email_addresses_on_normalized_address",
                "unique_schema_migrations");
        assertThat(redundant).hasSize(26).contains("index_bans_on_user_id", "index_reactions_on_model",
                "index_favorite_groups_on_created_at", "index_tag_versions_on_tag_id");
        assertThat(redundant).doesNotContain("index_tags_on_name_pattern", "index_artist_urls_on_url");
    }

    /**
     * PostgREST's big_schema.sql (apflora): 63 duplicates, no redundant index. 57 are a plain btree
     * index, without predicate, on exactly the column of the table's primary key (41) or of a UNIQUE
     * constraint (16); one is a UNIQUE INDEX on a primary key's column; and five tables carry both
     * PRIMARY KEY (id) and UNIQUE (id), where the unique constraint is the duplicate. Where a table has
     * all three on id, the plain index is named a duplicate of the primary key.
     */
    @Test
    void postgrestBigSchemaDuplicateAndRedundantIndexes() throws IOException {
        Report report = lint("schemas/PostgREST_postgrest/test/io/fixtures/big_schema.sql");
        List<String> duplicates = indexNames(print("PostgREST big_schema", report, "duplicate-index"));
        List<String> redundant = indexNames(print("PostgREST big_schema", report, "redundant-index"));
        assertThat(duplicates).hasSize(63).doesNotHaveDuplicates()
                .contains("adresse_id_key", "message_id_key", "usermessage_id_key", "tpopmassn_id_idx",
                        "ap_bearbstand_werte_DomainCode_idx", "user_name_idx")
                .doesNotContain("adresse_pkey", "message_pkey", "usermessage_pkey");
        assertThat(findings(report, "duplicate-index")).extracting(Finding::message)
                .contains("Index adresse_id_idx on apflora.adresse (id) duplicates adresse_pkey, a unique index on the"
                        + " same keys");
        assertThat(redundant).isEmpty();
    }

    private static List<Finding> print(String what, Report report, String ruleId) {
        List<Finding> found = findings(report, ruleId);
        System.out.println(what + ": " + found.size() + " " + ruleId + " findings");
        for (Finding f : found) {
            SourceFile file = f.location().file();
            System.out.println("  " + file.displayPath() + ":" + file.lines().line(f.location().startOffset()) + " "
                    + f.message());
        }
        return found;
    }

    private static List<String> indexNames(List<Finding> findings) {
        List<String> names = new ArrayList<>();
        for (Finding f : findings) {
            Matcher m = INDEX_NAME.matcher(f.message());
            assertThat(m.find()).as("index name in %s", f.message()).isTrue();
            names.add(m.group(1));
        }
        return names;
    }

    private static List<Finding> findings(Report report, String ruleId) {
        return report.activeFindings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** The files as one chain in the given order, PostgreSQL, with OHDSI's schema placeholder declared. */
    private static Report lint(String... files) throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS),
                () -> "SKIPPED: corpus not found at " + CORPUS + "; the schema-rule corpus checks did not run");
        List<SourceFile> sources = new ArrayList<>();
        for (String f : files) {
            Path p = CORPUS.resolve(f);
            sources.add(new SourceFile(p, f, Files.readString(p, StandardCharsets.UTF_8)));
        }
        Config config = new Config(Dialect.POSTGRESQL, Config.DEFAULT_TARGET_VERSION, List.of(), List.of(), List.of(),
                Map.of("cdmDatabaseSchema", "cdm"), false, false, FailOn.NEVER, null, Map.of(), null);
        Report report = new LintEngine(RuleRegistry.load()).lintSources(sources, config);
        // a rule that threw is reported, not raised: here it is a failure
        assertThat(report.problems()).noneMatch(InputProblem::internal);
        return report;
    }
}

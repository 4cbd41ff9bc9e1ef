package dev.migralint.core.vcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.engine.LintRequest;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.ChangeRule;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.rule.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why {@link ChangedFiles} restricts the report rather than the input: a finding in a new migration can
 * exist only because of an older one, which must therefore be linted (replayed) too.
 */
class ChangedFilesReplayTest {
    /** Reports an index on a table the replayed schema already has when the statement runs. */
    static final class IndexOnKnownTable implements ChangeRule<SchemaChange.CreateIndex> {
        @Override
        public RuleMeta meta() {
            return RuleMeta.of("index-on-known-table", Category.INDEXING, Severity.WARNING, "Index on a known table");
        }

        @Override
        public Class<SchemaChange.CreateIndex> changeType() {
            return SchemaChange.CreateIndex.class;
        }

        @Override
        public void check(SchemaChange.CreateIndex change, RuleContext ctx) {
            if (ctx.schemaBefore().table(change.table()).isPresent()) {
                ctx.report(change, "index on " + change.table() + ", which an earlier statement created");
            }
        }
    }

    private static Rule meta(String id) {
        return Rule.of(RuleMeta.of(id, Category.META, Severity.WARNING, "Engine rule " + id));
    }

    private static final LintEngine ENGINE = new LintEngine(new RuleRegistry(List.of(new IndexOnKnownTable(),
            meta("parse-error"), meta("unused-suppression"))));

    @TempDir
    Path dir;

    @Test
    void aFindingInTheNewFileThatDependsOnATableCreatedInTheOldOne() throws Exception {
        assumeTrue(Git.run(dir, "--version").ok(), "skipped: git is not on the PATH");
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        ChangedFilesTest.run(repo, "init", "-q");
        write(repo, "db/V1__users.sql", """
                CREATE TABLE users (id bigint PRIMARY KEY, email text);
                CREATE TABLE audit (id bigint);
                CREATE INDEX audit_id_idx ON audit (id);
                """);
        ChangedFilesTest.run(repo, "add", "-A");
        ChangedFilesTest.run(repo, "commit", "-q", "-m", "V1");
        String first = ChangedFilesTest.run(repo, "rev-parse", "HEAD").strip();
        write(repo, "db/V2__index.sql", "CREATE INDEX users_email_idx ON users (email);\n");
        ChangedFilesTest.run(repo, "add", "-A");
        ChangedFilesTest.run(repo, "commit", "-q", "-m", "V2");

        Report all = ENGINE.run(new LintRequest(List.of(Path.of("db")), repo, Config.defaults()));
        Report sinceFirst = ChangedFiles.since(repo, first).restrict(all);
        Report newFileAlone = ENGINE.run(new LintRequest(List.of(Path.of("db/V2__index.sql")), repo, Config.defaults()));

        assertThat(where(all)).containsExactly("db/V1__users.sql", "db/V2__index.sql");
        assertThat(where(sinceFirst)).containsExactly("db/V2__index.sql");
        assertThat(sinceFirst.findings().get(0).message()).isEqualTo("index on users, which an earlier statement created");
        // Linted on its own, the new file has no finding: it is V1 that makes users known.
        assertThat(newFileAlone.findings()).isEmpty();
    }

    private static List<String> where(Report report) {
        return report.findings().stream().map((Finding f) -> f.location().file().displayPath()).toList();
    }

    private static void write(Path repo, String path, String text) throws IOException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}

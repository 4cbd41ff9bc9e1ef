package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input built to hurt (issue 12, item 6). Every case ends with a clear message and an exit code within
 * a generous time bound (a hang guard, not a speed claim), and no file of the input changes.
 */
class HostileInputTest {
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String CREATE_USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n";

    @TempDir
    Path dir;

    private Map<String, String> before;

    @BeforeEach
    void migrations() throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db/V1__users.sql"), CREATE_USERS);
        Files.writeString(dir.resolve("db/V2__index.sql"), "CREATE INDEX users_email_idx ON users (email);\n");
    }

    /** Takes the snapshot the test's end compares with; call it once the input is complete. */
    private void inputComplete() throws IOException {
        before = snapshot();
    }

    @AfterEach
    void noInputChanged() throws IOException {
        if (before != null) {
            assertThat(snapshot()).as("input files after the run").isEqualTo(before);
        }
    }

    private CliRun run(String... args) {
        return assertTimeoutPreemptively(BOUND, () -> CliRun.in(dir, args));
    }

    @Test
    void deeplyNestedBracketsAreReportedNotParsed() throws IOException {
        int depth = 10_000;
        Files.writeString(dir.resolve("deep.sql"), "SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth) + ";\n"
                + "CREATE INDEX users_email_idx ON users (email);\n");
        inputComplete();

        CliRun run = run("check", "deep.sql");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("deep.sql:1:108: warning[parse-error] Cannot parse statement: brackets nested"
                + " deeper than 100 levels; the statement was not parsed");
    }

    @Test
    void aDeeplyNestedCheckConstraintIsReportedNotParsed() throws IOException {
        int depth = 3_000;
        Files.writeString(dir.resolve("check.sql"), "CREATE TABLE t (c int CHECK " + "(".repeat(depth) + "c > 0"
                + ")".repeat(depth) + ");\n");
        inputComplete();

        CliRun run = run("check", "check.sql");

        assertThat(run.exitCode()).as(run.toString()).isIn(ExitCodes.OK, ExitCodes.FINDINGS);
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    void aSymbolicLinkLoopLintsEachFileOnce() throws IOException {
        Files.createSymbolicLink(dir.resolve("db/self"), Path.of("."));
        Files.createSymbolicLink(dir.resolve("db/again"), Path.of("."));
        inputComplete();

        CliRun run = run("check", "db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out().split("warning\\[require-concurrent-index]", -1)).hasSize(2);
        assertThat(run.out()).contains("db/V2__index.sql:1:1: warning[require-concurrent-index]");
    }

    @Test
    void aReportOverALintedFileIsRefused() throws IOException {
        inputComplete();

        CliRun named = run("check", "db/V1__users.sql", "db/V2__index.sql", "-o", "db/V2__index.sql");
        CliRun inFolder = run("check", "db", "--format", "json=db/V1__users.sql");

        assertThat(named.exitCode()).as(named.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(named.err()).isEqualTo("migralint: error: refusing to write the report to db/V2__index.sql:"
                + " it is a file being linted; choose another file\n");
        assertThat(inFolder.exitCode()).as(inFolder.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(inFolder.err()).contains("db/V1__users.sql: it is a SQL file inside the linted folder db");
    }

    @Test
    void aReportOverTheConfigOrTheBaselineIsRefused() throws IOException {
        Files.writeString(dir.resolve(".migralint.yaml"), "fail-on: error\n");
        assertThat(run("baseline", "db").exitCode()).isEqualTo(ExitCodes.OK);
        inputComplete();

        CliRun config = run("check", "db", "-o", ".migralint.yaml");
        CliRun baseline = run("check", "db", "--baseline", ".migralint-baseline.json",
                "-o", ".migralint-baseline.json");

        assertThat(config.exitCode()).as(config.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(config.err()).contains("it is the config file");
        assertThat(baseline.exitCode()).as(baseline.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(baseline.err()).contains("it is the baseline this run reads");
    }

    @Test
    void aFailedWriteToStandardOutputIsExitTwoWithTheReason() throws IOException {
        inputComplete();
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        FailureRecordingStream stdout = new FailureRecordingStream(full);
        StringWriter err = new StringWriter();

        int code = assertTimeoutPreemptively(BOUND, () -> Main.run(new String[] {"check", "--format", "sarif", "db"},
                new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8)), new PrintWriter(err),
                new Environment(dir, Map.of(), false), stdout::reason));

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).isEqualTo("migralint: cannot write to standard output: No space left on device\n");
    }

    @Test
    void aReportIsReplacedWholeAndLeavesNoTemporaryFile() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/report.json"), "old");
        inputComplete();

        CliRun run = run("check", "db", "--format", "json", "-o", "out/report.json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(Files.readString(dir.resolve("out/report.json"))).startsWith("{").contains("require-concurrent-index");
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("migralint-tmp"));
        }
    }

    @Test
    void controlCharactersInAnIdentifierCannotForgeAWorkflowCommand() throws IOException {
        Files.writeString(dir.resolve("db/V3__forged.sql"),
                "CREATE INDEX \"x\n::error file=forged.sql,line=1::FORGED\u001b[2J\u0007\" ON users (email);\n");
        inputComplete();

        for (String format : new String[] {"text", "github"}) {
            CliRun run = run("check", "db", "--format", format);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(run.out().lines()).as(format).noneMatch(l -> l.stripLeading().startsWith("::error file=forged"));
            assertThat(run.out()).as(format).doesNotContain("\u001b").doesNotContain("\u0007");
        }
    }

    @Test
    void controlCharactersInAFileNameAreEscapedAndABackslashIsKept() throws IOException {
        Files.writeString(dir.resolve("db/V3__a\n::error file=forged.sql::FORGED.sql"),
                "CREATE INDEX a_idx ON users (email);\n");
        Files.writeString(dir.resolve("db/V4__back\\slash.sql"), "CREATE INDEX b_idx ON users (email);\n");
        inputComplete();

        for (String format : new String[] {"text", "github"}) {
            CliRun run = run("check", "db", "--format", format);

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(run.out().lines()).as(format).noneMatch(l -> l.stripLeading().startsWith("::error file=forged"));
            assertThat(run.out()).as(format).contains("db/V4__back\\slash.sql");
        }
        assertThat(run("check", "db").out()).contains("db/V3__a\\n::error file=forged.sql::FORGED.sql:1:1:");
        assertThat(run("check", "db", "--format", "sarif").out()).contains("db/V4__back%5Cslash.sql")
                .doesNotContain("V4__back/slash");
    }

    @Test
    void aPipeNamedAsAFileOrBaselineIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.sql");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        inputComplete();

        CliRun asFile = run("check", "pipe.sql");
        CliRun asBaseline = run("check", "db", "--baseline", "pipe.sql");

        assertThat(asFile.exitCode()).as(asFile.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(asFile.out()).contains("pipe.sql: error[input] not a regular file (a pipe, device or socket); skipped");
        assertThat(asBaseline.exitCode()).as(asBaseline.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(asBaseline.err()).contains("pipe.sql: not a regular file");
    }

    @Test
    void aHugeSparseFileIsSkippedUnread() throws IOException {
        try (RandomAccessFile huge = new RandomAccessFile(dir.resolve("db/V3__huge.sql").toFile(), "rw")) {
            huge.setLength(3L * 1024 * 1024 * 1024);
        }
        inputComplete();

        CliRun run = run("check", "db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("db/V3__huge.sql: error[input] file is 3,221,225,472 bytes, over the limit of"
                + " 10,485,760; skipped");
        assertThat(run.out()).contains("db/V2__index.sql:1:1: warning[require-concurrent-index]");
    }

    @Test
    void endlessStandardInputStopsAtTheSizeLimit() throws IOException {
        inputComplete();
        long[] served = {0};
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                served[0] += len;
                return len; // /dev/zero: never at an end
            }
        };

        CliRun run = assertTimeoutPreemptively(BOUND, () -> CliRun.with(new Environment(dir, Map.of(), false, zeros),
                "check", "-", "--stdin-filename", "db/V3__stdin.sql"));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("migralint: error: db/V3__stdin.sql (standard input): input is over the limit of"
                + " 10,485,760 bytes; skipped (exclude it, split it, or raise max-file-size)\n");
        assertThat(served[0]).as("bytes read from standard input").isLessThanOrEqualTo(11L * 1024 * 1024);
    }

    @Test
    void theSizeLimitComesFromTheConfigOrTheCommandLine() throws IOException {
        Files.writeString(dir.resolve(".migralint.yaml"), "fail-on: error\nmax-file-size: 50B\n");
        inputComplete();

        CliRun fromConfig = run("check", "db");
        CliRun fromFlag = run("check", "db", "--max-file-size", "1KiB");
        CliRun fromStdin = assertTimeoutPreemptively(BOUND, () -> CliRun.with(new Environment(dir, Map.of(), false,
                new ByteArrayInputStream(CREATE_USERS.getBytes(StandardCharsets.UTF_8))), "check", "-", "--stdin-filename",
                "db/V3__stdin.sql"));

        assertThat(fromConfig.exitCode()).as(fromConfig.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromConfig.out()).contains("db/V1__users.sql: error[input] file is 56 bytes, over the limit of 50;"
                + " skipped (exclude it, split it, or raise max-file-size)");
        assertThat(fromConfig.out()).doesNotContain("V2__index.sql: error[input]");
        assertThat(fromFlag.exitCode()).as(fromFlag.toString()).isEqualTo(ExitCodes.OK);
        assertThat(fromStdin.exitCode()).as(fromStdin.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromStdin.err()).contains("input is over the limit of 50 bytes");
    }

    @Test
    void aBadSizeLimitIsAUsageError() throws IOException {
        Files.writeString(dir.resolve(".migralint.yaml"), "fail-on: error\nmax-file-size: 2GiB\n");
        inputComplete();

        CliRun inConfig = run("check", "db");
        CliRun onCommandLine = run("check", "db", "--config", ".migralint.yaml", "--max-file-size", "ten");

        assertThat(inConfig.exitCode()).as(inConfig.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(inConfig.err()).isEqualTo("migralint: error: " + dir.resolve(".migralint.yaml") + ":2:1:"
                + " the file size limit must be between 1 byte and 1GiB\n");
        assertThat(onCommandLine.exitCode()).as(onCommandLine.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(onCommandLine.err()).startsWith("migralint: error: Invalid value for option '--max-file-size':"
                + " invalid size 'ten' (use bytes, or a number with KB, MB, GB, KiB, MiB or GiB, such as 10MiB)");
    }

    @Test
    void aUtf16FileWithAByteOrderMarkIsRead() throws IOException {
        Files.write(dir.resolve("db/V3__utf16.sql"), "CREATE INDEX u16_idx ON users (id);\n".getBytes(StandardCharsets.UTF_16));
        inputComplete();

        CliRun run = run("check", "db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("db/V3__utf16.sql:1:1: warning[require-concurrent-index]");
    }

    @Test
    void aBaselineWithAByteOrderMarkIsRead() throws IOException {
        assertThat(run("baseline", "db").exitCode()).isEqualTo(ExitCodes.OK);
        Path baseline = dir.resolve(".migralint-baseline.json");
        Files.writeString(baseline, "\uFEFF" + Files.readString(baseline));
        inputComplete();

        CliRun run = run("check", "db", "--baseline", ".migralint-baseline.json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void theBaselineCommandDoesNotOverwriteAFileThatIsNotABaseline() throws IOException {
        Files.writeString(dir.resolve(".migralint.yaml"), "baseline: db/V1__users.sql\n");
        inputComplete();

        CliRun run = run("baseline", "db");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("migralint: error: refusing to overwrite ").contains("V1__users.sql")
                .contains("not a migralint baseline");
        assertThat(run.err()).doesNotContain("CREATE");
    }

    @Test
    void aBaselineThatIsNotJsonIsNotEchoed() throws IOException {
        Files.writeString(dir.resolve("secret.json"), "hunter2-password\n");
        inputComplete();

        CliRun run = run("check", "db", "--baseline", "secret.json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("secret.json:1:").contains("not a migralint baseline: not valid JSON")
                .doesNotContain("hunter2");
    }

    @Test
    void anUnclosedGooseBlockIsADiagnosticForThatFileOnly() throws IOException {
        Files.createDirectories(dir.resolve("goose"));
        Files.writeString(dir.resolve("goose/00001_users.sql"), "-- +goose Up\n" + CREATE_USERS);
        Files.writeString(dir.resolve("goose/00002_index.sql"), "-- +goose Up\n-- +goose StatementBegin\n"
                + "CREATE INDEX users_email_idx ON users (email);\n");
        Files.writeString(dir.resolve("goose/00003_more.sql"), "-- +goose Up\nCREATE INDEX users_id_idx ON users (id);\n");
        inputComplete();

        CliRun run = run("check", "goose");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.out()).contains("goose/00002_index.sql:2:1: error[input] goose StatementBegin without a StatementEnd")
                .contains("goose/00003_more.sql:2:1: warning[require-concurrent-index]")
                .as("the summary counts the file with a problem once").contains(" in 3 files");
    }

    @Test
    void aReportThatCannotBeWrittenSaysWhy() throws IOException {
        Files.writeString(dir.resolve("plain"), "a file, not a folder");
        inputComplete();

        CliRun run = run("check", "db", "-o", "plain/report.txt");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("migralint: error: cannot write plain/report.txt: a file is in the way\n");
    }

    /** Every regular file and link under the folder but out/, with a digest of its content (or size) or its target. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                String name = dir.relativize(p).toString();
                if (name.startsWith("out")) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    files.put(name, "-> " + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    // A huge (sparse) file is compared by size and time, not read.
                    files.put(name, Files.size(p) > 1 << 20 ? Files.size(p) + " @ " + Files.getLastModifiedTime(p)
                            : digest(Files.readAllBytes(p)));
                }
            }
        }
        return files;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.migralint.core.report;

import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.engine.Report;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.RuleMeta;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports built by hand, covering what reporters must render: LF, CRLF and non-ASCII files and more. */
final class SampleReports {
    static final Path BASE_DIR = Path.of("/srv/app");
    static final ReporterOptions OPTIONS = new ReporterOptions(false, "0.1.0", ReporterOptions.DEFAULT_DOCS_BASE_URI);

    /** LF line ends, a tab-indented line. */
    static final SourceFile LF_FILE = SourceFile.of("db/migration/V1__create_orders.sql", """
            CREATE TABLE customers (id bigint PRIMARY KEY);
            CREATE TABLE orders (
            \tid serial PRIMARY KEY,
            \tcustomer_id bigint REFERENCES customers (id)
            );
            -- migralint-ignore drop-table -- replaced by orders
            DROP TABLE legacy_orders;
            """);

    /** CRLF line ends, a four-line statement. */
    static final SourceFile CRLF_FILE = SourceFile.of("db/migration/V2__orders_fk.sql", String.join("\r\n",
            "CREATE INDEX orders_customer_idx ON orders (customer_id);",
            "ALTER TABLE orders",
            "  ADD CONSTRAINT orders_customer_fk",
            "  FOREIGN KEY (customer_id)",
            "  REFERENCES customers (id);",
            "CREATE INDEX orders_customer_idx2 ON orders (customer_id);",
            ""));

    /** A CJK comment and an emoji (a surrogate pair) before the findings, and a space and 'ï' in the name. */
    static final SourceFile UNICODE_FILE = SourceFile.of("db/migration/V3__naïve notes.sql", """
            /* 注文 🚀 */ ALTER TABLE orders ADD COLUMN note varchar(20);
            ALTER TABLE orders ADD COLUMN status text NOT NULL; -- 状態
            """);

    static final SourceFile BINARY_FILE = SourceFile.of("db/migration/V4__binary.sql", "");

    static final List<RuleMeta> RULES = List.of(
            RuleMeta.of("add-required-column", Category.COMPATIBILITY, Severity.ERROR,
                    "NOT NULL column without a default added to an existing table"),
            RuleMeta.of("drop-table", Category.REVERSIBILITY, Severity.WARNING, "Table dropped"),
            RuleMeta.of("duplicate-index", Category.INDEXING, Severity.WARNING,
                    "Index duplicates another index on the same columns"),
            RuleMeta.of("missing-down-migration", Category.REVERSIBILITY, Severity.WARNING,
                    "Schema-changing migration without a down migration"),
            RuleMeta.of("prefer-bigint-key", Category.TYPES, Severity.WARNING, "Key column narrower than bigint"),
            RuleMeta.of("prefer-text", Category.TYPES, Severity.INFO, "varchar(n) where text would do"),
            RuleMeta.of("require-concurrent-index", Category.LOCKING, Severity.WARNING,
                    "CREATE INDEX without CONCURRENTLY blocks writes"),
            RuleMeta.of("require-not-valid-foreign-key", Category.LOCKING, Severity.WARNING,
                    "Foreign key added without NOT VALID"));

    private SampleReports() {
    }

    static Report full() {
        List<Finding> findings = List.of(
                new Finding("prefer-bigint-key", Severity.WARNING, "Key column orders.id is serial (32-bit)",
                        span(LF_FILE, "serial"), "Use bigint GENERATED ALWAYS AS IDENTITY",
                        List.of(), new Fix("Use bigint identity", List.of(
                                new Fix.Edit(range(LF_FILE, "serial"), "bigint GENERATED ALWAYS AS IDENTITY"))),
                        null, "5d1c0a0e4b7f2a91"),
                new Finding("drop-table", Severity.WARNING, "Table legacy_orders is dropped",
                        span(LF_FILE, "DROP TABLE legacy_orders"), null, List.of(), null,
                        new Suppression(Suppression.Kind.INLINE, "replaced by orders",
                                span(LF_FILE, "-- migralint-ignore drop-table -- replaced by orders")),
                        "0b6e2f77c1d4a3e8"),
                new Finding("require-concurrent-index", Severity.WARNING,
                        "CREATE INDEX on orders blocks writes while the index builds",
                        span(CRLF_FILE, "CREATE INDEX orders_customer_idx ON orders (customer_id)"),
                        "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);", List.of(),
                        new Fix("Add CONCURRENTLY", List.of(new Fix.Edit(
                                TextRange.of(13, 13), "CONCURRENTLY "))),
                        null, "a41f9c3d27e8b650"),
                new Finding("require-not-valid-foreign-key", Severity.WARNING,
                        "Foreign key orders_customer_fk validates every row of orders under a lock",
                        new Location.Span(CRLF_FILE, TextRange.of(CRLF_FILE.text().indexOf("ALTER"),
                                CRLF_FILE.text().indexOf("(id);") + 4)),
                        "Add it NOT VALID, then VALIDATE CONSTRAINT orders_customer_fk in a later migration",
                        List.of(new RelatedLocation(span(LF_FILE, "CREATE TABLE customers (id bigint PRIMARY KEY)"),
                                "customers [referenced table] is created here")),
                        null, null, "c7e0d1b2a3f49586"),
                new Finding("duplicate-index", Severity.WARNING,
                        "Index orders_customer_idx2 duplicates orders_customer_idx",
                        span(CRLF_FILE, "CREATE INDEX orders_customer_idx2 ON orders (customer_id)"),
                        "DROP INDEX orders_customer_idx2;",
                        List.of(new RelatedLocation(span(CRLF_FILE, "orders_customer_idx"),
                                "orders_customer_idx is defined here")),
                        null, null, "e2d3c4b5a6978801"),
                new Finding("require-concurrent-index", Severity.WARNING,
                        "CREATE INDEX on orders blocks writes while the index builds",
                        span(CRLF_FILE, "CREATE INDEX orders_customer_idx2 ON orders (customer_id)"),
                        null, List.of(), null,
                        new Suppression(Suppression.Kind.BASELINE, null, null), "f1e2d3c4b5a69788"),
                new Finding("missing-down-migration", Severity.WARNING,
                        "Migration V3 changes the schema and has no down migration",
                        new Location.WholeFile(UNICODE_FILE), null, List.of(), null, null, null),
                new Finding("prefer-text", Severity.INFO, "Column orders.note is varchar(20)",
                        span(UNICODE_FILE, "varchar(20)"), "Use text, with a CHECK on length() if the limit matters",
                        List.of(), null, null, "1a2b3c4d5e6f7081"),
                new Finding("add-required-column", Severity.ERROR,
                        "Column orders.status is NOT NULL without a default; inserts from running code fail",
                        span(UNICODE_FILE, "status text NOT NULL"),
                        "Add it nullable or with a default, backfill, then SET NOT NULL", List.of(), null, null,
                        "9f8e7d6c5b4a3921"));
        List<InputProblem> problems = List.of(new InputProblem(new Location.WholeFile(BINARY_FILE),
                "File is not valid UTF-8 (byte 0xFF at offset 12)"));
        return new Report(findings, problems, RULES, BASE_DIR, new RunStats(4, 9, 7, 1, 0, 1));
    }

    /** The lines 16 and 18 of a PostgreSQL log, as the engine keeps them for a query-log finding. */
    static final SourceFile LOG_EXCERPT = SourceFile.excerpt(Path.of("logs/postgresql.log"), "logs/postgresql.log",
            "2026-11-22 06:18:24.247 UTC [6596] app@shop LOG:  statement: SELECT id FROM orders WHERE customer_id = 7;\n"
                    + "2026-11-22 06:18:24.279 UTC [6596] app@shop LOG:  statement: SELECT qty FROM order_items WHERE order_id = 16;",
            new int[] {16, 18});

    /** An n-plus-one-log finding: a log line, the parent's line related, and the count as a property. */
    static Report queryLog() {
        int second = LOG_EXCERPT.text().indexOf('\n') + 1;
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("count", 3);
        properties.put("parentFingerprint", "SELECT id FROM orders WHERE customer_id = ?");
        properties.put("childFingerprint", "SELECT qty FROM order_items WHERE order_id = ?");
        Finding f = new Finding("n-plus-one-log", Severity.WARNING,
                "3 executions of `SELECT qty FROM order_items WHERE order_id = ?` follow "
                        + "`SELECT id FROM orders WHERE customer_id = ?` in one session: one query per row of the first (N+1)",
                new Location.Span(LOG_EXCERPT, TextRange.of(second, LOG_EXCERPT.text().length())),
                "Load the rows with one statement.",
                List.of(new RelatedLocation(new Location.Span(LOG_EXCERPT, TextRange.of(0, second - 1)),
                        "The statement whose rows the loop walks")),
                null, null, "0123456789abcdef0123456789abcdef:1", properties);
        return new Report(List.of(f), List.of(), List.of(RuleMeta.of("n-plus-one-log", Category.N_PLUS_ONE,
                Severity.WARNING, "A query log shows one statement run once per row of the statement before it")),
                BASE_DIR, new RunStats(1, 0, 0, 0, 0, 0));
    }

    static Report empty() {
        return new Report(List.of(), List.of(), RULES, BASE_DIR, new RunStats(3, 12, 12, 0, 0, 0));
    }

    static Report withFindings(List<Finding> findings, List<RuleMeta> rules) {
        return new Report(findings, List.of(), rules, BASE_DIR, new RunStats(1, 1, 1, 0, 0, 0));
    }

    static Finding finding(String ruleId, Severity severity, Location location, String message) {
        return new Finding(ruleId, severity, message, location, null, List.of(), null, null, null);
    }

    static Location.Span span(SourceFile file, String text) {
        return new Location.Span(file, range(file, text));
    }

    static TextRange range(SourceFile file, String text) {
        int start = file.text().indexOf(text);
        if (start < 0) {
            throw new IllegalArgumentException("'" + text + "' not in " + file);
        }
        return TextRange.of(start, start + text.length());
    }
}

package dev.migralint.core.querylog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each reader on a few lines of its format: which entries are executions, their lines, sessions and values. */
class QueryLogReadersTest {

    private static List<LogStatement> read(String log) throws IOException {
        LogFormat format = LogFormat.detect(log.lines().toList());
        List<LogStatement> out = new ArrayList<>();
        try (QueryLogReader r = format.open(new BufferedReader(new StringReader(log)))) {
            LogStatement s;
            while ((s = r.next()) != null) {
                out.add(s);
            }
        }
        return out;
    }

    private static String describe(LogStatement s) {
        return s.line() + " " + s.session() + " " + s.kind() + " " + s.fingerprint();
    }

    @Test
    void detectsEachFormatFromItsContent() {
        assertThat(LogFormat.detect(List.of("2026-11-22 06:18:24.240 UTC [6596] a@b LOG:  statement: SELECT 1;")))
                .isEqualTo(LogFormat.POSTGRES_STDERR);
        assertThat(LogFormat.detect(List.of("{\"timestamp\":\"x\",\"pid\":1,\"error_severity\":\"LOG\",\"message\":\"m\"}")))
                .isEqualTo(LogFormat.POSTGRES_JSON);
        assertThat(LogFormat.detect(List.of("2026-11-22 06:18:23.418 UTC,,,6567,,6b02892f.19a7,1,,2026-11-22 06:18:23 UTC,,0,LOG,00000,\"x\",,,,,,,,,\"\",\"postmaster\",,0")))
                .isEqualTo(LogFormat.POSTGRES_CSV);
        assertThat(LogFormat.detect(List.of("Time\t\t    Id Command\tArgument", "\t\t     5 Query\tSELECT 1")))
                .isEqualTo(LogFormat.MYSQL_GENERAL);
        assertThat(LogFormat.detect(List.of("2024-01-01T10:00:00.000000Z\t   12 Query\tSELECT 1")))
                .isEqualTo(LogFormat.MYSQL_GENERAL);
        assertThat(LogFormat.detect(List.of("Hibernate: select 1"))).isEqualTo(LogFormat.APPLICATION);
        assertThat(LogFormat.detect(List.of("SELECT 1;"))).isEqualTo(LogFormat.PLAIN);
    }

    @Test
    void aConfiguredPrefixNamesTheSessionAndWhereTheSeverityStarts() throws IOException {
        String log = """
                2026-11-22 06:18:24.240 UTC 12 7036 app LOG:  statement: SELECT 1
                2026-11-22 06:18:24.241 UTC 13 7036 my app LOG:  execute S_1: SELECT a FROM t WHERE id = $1
                2026-11-22 06:18:24.241 UTC 14 7036 my app DETAIL:  parameters: $1 = '7'
                2026-11-22 06:18:24.242 UTC 1 812 LOG:  checkpoint starting: time
                """;
        LogLinePrefix prefix = LogLinePrefix.of("%m %l %p %q%a ");
        List<LogStatement> s = new ArrayList<>();
        try (QueryLogReader r = new PostgresStderrReader(new BufferedReader(new StringReader(log)), prefix)) {
            LogStatement next;
            while ((next = r.next()) != null) {
                s.add(next);
            }
        }
        assertThat(s).extracting(LogStatement::session).containsExactly("7036", "7036");
        assertThat(s.get(1).fingerprint()).isEqualTo("SELECT a FROM t WHERE id = ?");
        // Inferred, the line number (12, 13) is taken for the session.
        assertThat(read(log)).extracting(LogStatement::session).startsWith("12", "13");
    }

    @Test
    void aPrefixWithTheSessionIdAndUnknownEscapes() {
        LogLinePrefix prefix = LogLinePrefix.of("%t [%5p-%l] %c %z%% %q%u@%d ");
        String line = "2026-11-22 06:18:24 UTC [   70-3] 6b02892f.19a7 % a@b LOG:  statement: SELECT 1";
        assertThat(prefix.parse(line).session()).isEqualTo("6b02892f.19a7");
        assertThat(prefix.parse(line).severity()).isEqualTo(line.indexOf("LOG:"));
        assertThat(prefix.parse("no prefix here LOG:  statement: SELECT 1")).isNull();
    }

    @Test
    void stderrWithAnyPrefixAndItsDetailsAndContinuationLines() throws IOException {
        List<LogStatement> s = read("""
                2026-11-22 06:18:24 UTC [7036]: [3-1] user=a,db=b,app=c,client=127.0.0.1 LOG:  statement: SELECT a
                \tFROM t WHERE id = 1;
                2026-11-22 06:18:24 UTC [7036]: [4-1] user=a,db=b,app=c,client=127.0.0.1 LOG:  execute S_1: SELECT a FROM t WHERE id = $1
                2026-11-22 06:18:24 UTC [7036]: [5-1] user=a,db=b,app=c,client=127.0.0.1 DETAIL:  parameters: $1 = '7'
                2026-11-22 06:18:24 UTC [7036]: [6-1] user=a,db=b,app=c,client=127.0.0.1 LOG:  duration: 0.1 ms  parse <unnamed>: SELECT 2
                2026-11-22 06:18:24 UTC [7036]: [7-1] user=a,db=b,app=c,client=127.0.0.1 LOG:  duration: 0.1 ms
                2026-11-22 06:18:24 UTC [7036]: [8-1] user=a,db=b,app=c,client=127.0.0.1 ERROR:  boom
                2026-11-22 06:18:24 UTC [7036]: [9-1] user=a,db=b,app=c,client=127.0.0.1 STATEMENT:  SELECT 3
                2026-11-22 06:18:24.1 UTC 812 LOG:  statement: COMMIT
                2026-11-22 06:18:24 UTC [7036]: [10-1] user=a,db=b,app=c,client=127.0.0.1 LOG:  disconnection: session time: 0:00:01
                """);
        assertThat(s).extracting(QueryLogReadersTest::describe).containsExactly(
                "1 7036 EXECUTION SELECT a FROM t WHERE id = ?",
                "3 7036 EXECUTION SELECT a FROM t WHERE id = ?",
                "9 812 TRANSACTION COMMIT",
                "10 7036 SESSION_END ");
        assertThat(s.get(1).values()).contains("'7'");
    }

    @Test
    void stderrResolvesSqlLevelPrepareAndExecute() throws IOException {
        List<LogStatement> s = read("""
                2026-11-22 06:18:26.763 UTC [6754] a@b LOG:  statement: PREPARE q (integer) AS SELECT x FROM t WHERE id = $1;
                2026-11-22 06:18:26.801 UTC [6754] a@b LOG:  statement: EXECUTE q(120);
                2026-11-22 06:18:26.801 UTC [6754] a@b DETAIL:  prepare: PREPARE q (integer) AS SELECT x FROM t WHERE id = $1;
                """);
        assertThat(s).extracting(QueryLogReadersTest::describe).containsExactly("2 6754 EXECUTION SELECT x FROM t WHERE id = ?");
        assertThat(s.get(0).values()).contains("120");
    }

    @Test
    void csvRecordsSpanLinesAndStartWhereTheyStart() throws IOException {
        List<LogStatement> s = read("""
                2026-11-22 06:18:23.418 UTC,,,6567,,6b02892f.19a7,1,,2026-11-22 06:18:23 UTC,,0,LOG,00000,"starting PostgreSQL",,,,,,,,,"","postmaster",,0
                2026-11-22 06:18:24.279 UTC,"a","b",6596,"[local]",6b.19c4,5,"SELECT",2026-11-22 06:18:24 UTC,4/5,0,LOG,00000,"statement: SELECT ""x""
                  FROM t WHERE id = 16;",,,,,,,,,"web","client backend",,0
                2026-11-22 06:18:24.280 UTC,"a","b",6596,"[local]",6b.19c4,6,"SELECT",2026-11-22 06:18:24 UTC,4/5,0,LOG,00000,"execute <unnamed>: SELECT 1 WHERE $1 = 2","parameters: $1 = '2'",,,,,,,,"web","client backend",,0
                """);
        assertThat(s).extracting(QueryLogReadersTest::describe).containsExactly(
                "2 6596 EXECUTION SELECT \"x\" FROM t WHERE id = ?", "4 6596 EXECUTION SELECT ? WHERE ? = ?");
        assertThat(s.get(1).values()).contains("'2'");
    }

    @Test
    void mysqlGeneralLogSkipsPrepareAndTheExecuteWrapper() throws IOException {
        List<LogStatement> s = read("""
                mariadbd, Version: 10.11.19-MariaDB-log. started with:
                Tcp port: 3306  Unix socket: /run/mysqld/mysqld.sock
                Time\t\t    Id Command\tArgument
                261122  6:18:50\t    12 Query\tSELECT a
                FROM t WHERE id = 1
                \t\t    12 Prepare\tSELECT a FROM t WHERE id = ?
                \t\t    12 Query\tEXECUTE s USING 5
                \t\t    12 Execute\tSELECT a FROM t WHERE id = 5
                \t\t    12 Quit\t
                """);
        assertThat(s).extracting(QueryLogReadersTest::describe).containsExactly(
                "4 12 EXECUTION SELECT a FROM t WHERE id = ?", "8 12 EXECUTION SELECT a FROM t WHERE id = ?",
                "9 12 SESSION_END ");
    }

    @Test
    void applicationLogsTakeTheThreadOrConnectionAsTheSession() throws IOException {
        List<LogStatement> s = read("""
                2026-01-10T10:00:00.120+01:00 DEBUG 1 --- [  exec-1] org.hibernate.SQL : select b.id from book b where b.author_id=?
                2026-01-10T10:00:00.121+01:00 TRACE 1 --- [  exec-1] org.hibernate.orm.jdbc.bind : binding parameter (1:BIGINT) <- [42]
                2026-01-10 10:00:00.110 INFO 1 --- [main] n.t.d.l.l.SLF4JQueryLoggingListener : Name:ds, Connection:5, Time:1, Success:True, Type:Prepared, Batch:False, QuerySize:1, BatchSize:0, Query:["select 1 where 2=?"], Params:[(2)]
                1768035600110|0|statement|connection 3|url jdbc:h2:mem|select 1 where a=?|select 1 where a='x|y'
                """);
        assertThat(s).extracting(QueryLogReadersTest::describe).containsExactly(
                "1 exec-1 EXECUTION SELECT b.id FROM book b WHERE b.author_id = ?",
                "3 5 EXECUTION SELECT ? WHERE ? = ?",
                "4 3 EXECUTION SELECT ? WHERE a = ?");
        assertThat(s.get(0).values()).contains("42");
        assertThat(s.get(1).values()).contains("(2)");
    }
}

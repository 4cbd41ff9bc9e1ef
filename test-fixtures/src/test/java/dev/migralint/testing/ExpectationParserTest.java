package dev.migralint.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migralint.core.source.SourceFile;
import org.junit.jupiter.api.Test;

class ExpectationParserTest {

    @Test
    void readsMarkersWithTheirLines() {
        SourceFile f = SourceFile.of("r/case.sql", """
                CREATE TABLE t (a int);
                CREATE INDEX i ON t (a); -- expect: require-concurrent-index
                UPDATE t SET a = 1; -- expect: missing-where "UPDATE t"
                """);
        assertThat(ExpectationParser.expectations(f)).containsExactly(
                new Expectation("r/case.sql", 2, "require-concurrent-index", null),
                new Expectation("r/case.sql", 3, "missing-where", "UPDATE t"));
    }

    @Test
    void readsSeveralMarkersOnOneLine() {
        SourceFile f = SourceFile.of("x.sql", "SELECT * FROM t WHERE a = NULL; -- expect: select-star -- expect: null-comparison \"a = NULL\"\n");
        assertThat(ExpectationParser.expectations(f)).extracting(Expectation::ruleId, Expectation::fragment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("select-star", null),
                        org.assertj.core.groups.Tuple.tuple("null-comparison", "a = NULL"));
    }

    @Test
    void readsMarkersAndOptionsWrittenAsXmlComments() {
        SourceFile f = SourceFile.of("r/Mapper.xml", """
                <!-- options: dialect=mysql -->
                <mapper namespace="n">
                  <collection property="p" select="s"/> <!-- expect: mybatis-nested-select "select=\\"s\\"" -->
                </mapper>
                """);
        assertThat(ExpectationParser.options(f.text())).containsEntry("dialect", "mysql");
        assertThat(ExpectationParser.expectations(f)).extracting(Expectation::line, Expectation::ruleId, Expectation::fragment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "mybatis-nested-select", "select=\"s\""));
    }

    @Test
    void countsCrlfLinesLikeTheLineIndex() {
        SourceFile f = SourceFile.of("x.sql", "SELECT 1;\r\n\r\nDELETE FROM t; -- expect: missing-where\r\n");
        assertThat(ExpectationParser.expectations(f)).extracting(Expectation::line).containsExactly(3);
    }

    @Test
    void readsHelpFragmentsWithEscapedQuotes() {
        SourceFile f = SourceFile.of("x.sql", """
                CREATE INDEX "MyIdx" ON "Users" (id); -- expect: require-concurrent-index help="INDEX CONCURRENTLY \\"MyIdx\\""
                DROP INDEX i; -- expect: r "DROP \\\\ it" help="x" -- expect: s
                """);
        assertThat(ExpectationParser.expectations(f)).containsExactly(
                new Expectation("x.sql", 1, "require-concurrent-index", null, "INDEX CONCURRENTLY \"MyIdx\""),
                new Expectation("x.sql", 2, "r", "DROP \\ it", "x"),
                new Expectation("x.sql", 2, "s", null, null));
        assertThat(ExpectationParser.expectations(f).get(0).toString())
                .isEqualTo("x.sql:1: require-concurrent-index help=\"INDEX CONCURRENTLY \\\"MyIdx\\\"\"");
    }

    @Test
    void textAfterAMarkerIsAnError() {
        SourceFile f = SourceFile.of("x.sql", "SELECT 1; -- expect: r hlep=\"x\"\n");
        assertThatThrownBy(() -> ExpectationParser.expectations(f))
                .hasMessageContaining("x.sql:1").hasMessageContaining("hlep=\"x\"");
    }

    @Test
    void takesMarkersOutWithTheBlanksBeforeThem() {
        assertThat(ExpectationParser.withoutMarkers("-- options: max=1\r\nX;  -- expect: r \"a\"\r\nY;\n-- note\n"))
                .isEqualTo("-- options: max=1\r\nX;\r\nY;\n-- note\n");
    }

    @Test
    void aFileWithoutMarkersIsClean() {
        assertThat(ExpectationParser.expectations(SourceFile.of("x.sql", "SELECT 1; -- expected nothing\n"))).isEmpty();
    }

    @Test
    void aMarkerWithoutRuleIdIsAnError() {
        SourceFile f = SourceFile.of("x.sql", "SELECT 1;\nSELECT 2; -- expect: \"oops\"\n");
        assertThatThrownBy(() -> ExpectationParser.expectations(f))
                .hasMessageContaining("x.sql:2").hasMessageContaining("without a rule id");
    }

    @Test
    void readsTheOptionsLine() {
        assertThat(ExpectationParser.options("-- options: dialect=mysql max=3\nSELECT 1;"))
                .containsExactly(java.util.Map.entry("dialect", "mysql"), java.util.Map.entry("max", "3"));
        assertThat(ExpectationParser.options("SELECT 1;\n-- options: dialect=mysql\n")).isEmpty();
    }

    @Test
    void rejectsAnOptionsLineWithStrayText() {
        assertThatThrownBy(() -> ExpectationParser.options("-- options: dialect mysql\n"))
                .hasMessageContaining("not key=value");
    }
}

package dev.migralint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MyBatis mapper XML through the real entry point: found under queries:, linted against the migrations' schema. */
class MapperCheckTest {
    private static final String MAPPER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
            <mapper namespace="shop.OrderMapper">
              <resultMap id="order" type="Order">
                <id property="id" column="id"/>
                <collection property="lines" column="id" select="selectLines"/>
              </resultMap>
              <select id="selectOrders" resultMap="order">
                SELECT id FROM orders
                <where>
                  <if test="c != null">AND customer_id NOT IN (SELECT customer_id FROM blocked)</if>
                </where>
              </select>
              <select id="selectLines" resultType="Line">
                SELECT id, qty FROM order_lines WHERE order_id = #{id}
              </select>
            </mapper>
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.createDirectories(dir.resolve("src/main/resources/mapper"));
        Files.writeString(dir.resolve("db/V1__schema.sql"), """
                CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
                CREATE TABLE blocked (customer_id bigint);
                CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint NOT NULL, qty int NOT NULL);
                CREATE INDEX order_lines_order_idx ON order_lines (order_id);
                """);
        Files.writeString(dir.resolve("src/main/resources/mapper/OrderMapper.xml"), MAPPER);
        Files.writeString(dir.resolve(".migralint.yaml"), "migrations: [db]\nqueries: [src/main/resources/mapper]\n");
    }

    @Test
    void mapperFindingsPointAtTheXmlAndNameTheStatement() {
        CliRun run = CliRun.in(dir, "check");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out())
                .contains("src/main/resources/mapper/OrderMapper.xml:6:5: warning[mybatis-nested-select]")
                .contains("6 |     <collection property=\"lines\" column=\"id\" select=\"selectLines\"/>")
                .contains("src/main/resources/mapper/OrderMapper.xml:11:32: warning[not-in-subquery]")
                .contains("(in shop.OrderMapper.selectOrders)")
                .contains("11 |       <if test=\"c != null\">AND customer_id NOT IN (SELECT customer_id FROM blocked)</if>");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anIncludeOfAnotherMappersFragmentIsExpandedAndPointsAtTheIncludeTag() throws IOException {
        Files.writeString(dir.resolve("src/main/resources/mapper/Common.xml"), """
                <mapper namespace="shop.Common">
                  <sql id="notBlocked">customer_id NOT IN (SELECT customer_id FROM <include refid="blockedTable"/>)</sql>
                  <sql id="blockedTable">blocked</sql>
                </mapper>
                """);
        Files.writeString(dir.resolve("src/main/resources/mapper/ReportMapper.xml"), """
                <mapper namespace="shop.ReportMapper">
                  <select id="report" resultType="long">
                    SELECT count(*) FROM orders
                    WHERE <include refid="shop.Common.notBlocked"/>
                  </select>
                </mapper>
                """);

        CliRun run = CliRun.in(dir, "check");

        assertThat(run.out())
                .contains("src/main/resources/mapper/ReportMapper.xml:4:11: warning[not-in-subquery]")
                .contains("(in shop.ReportMapper.report)")
                .doesNotContain("Common.xml:")
                .doesNotContain("parse-error");
    }

    @Test
    void xmlAndSqlCommentsSuppressAsInSqlFiles() throws IOException {
        Files.writeString(dir.resolve("src/main/resources/mapper/OrderMapper.xml"), MAPPER
                .replace("  <resultMap id=\"order\"", "  <!-- migralint-ignore mybatis-nested-select -->\n  <resultMap id=\"order\"")
                .replace("    SELECT id FROM orders", "    -- migralint-ignore not-in-subquery -- blocked has no NULLs\n    SELECT id FROM orders")
                .replace("  <select id=\"selectLines\"", "  <!-- migralint-ignore select-star -->\n  <select id=\"selectLines\""));

        CliRun run = CliRun.in(dir, "check", "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        com.fasterxml.jackson.databind.JsonNode findings = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out()).path("findings");
        List<String> active = new ArrayList<>();
        List<String> suppressed = new ArrayList<>();
        findings.forEach(f -> (f.path("suppressed").asBoolean() ? suppressed : active)
                .add(f.path("ruleId").asText() + "@" + f.path("start").path("line").asInt()));
        assertThat(suppressed).containsExactlyInAnyOrder("mybatis-nested-select@7", "not-in-subquery@13");
        // select-star is not reported on selectLines, so that directive is unused
        assertThat(active).contains("unused-suppression@16").noneMatch(a -> a.startsWith("not-in-subquery")
                || a.startsWith("mybatis-nested-select"));
    }

    @Test
    void mappersAreLintedInTheDialectOfTheMigrationsTheyRunOn() throws IOException {
        String mapper = "<mapper namespace=\"shop.Flags\"><select id=\"on\" resultType=\"long\">"
                + "SELECT id FROM flags WHERE enabled = 1</select></mapper>\n";
        Files.writeString(dir.resolve("src/main/resources/mapper/Flags.xml"), mapper);
        Files.writeString(dir.resolve("db/V2__flags.sql"), "CREATE TABLE flags (id bigint PRIMARY KEY, enabled boolean);\n");

        assertThat(CliRun.in(dir, "check").out()).contains("Flags.xml:1:93: error[query-type-mismatch]");

        // the same history written for MySQL (backticks, ENGINE=): MySQL compares a boolean with 1
        Files.writeString(dir.resolve("db/V1__schema.sql"), "CREATE TABLE `orders` (`id` bigint PRIMARY KEY,"
                + " `customer_id` bigint NOT NULL) ENGINE=InnoDB;\n");
        Files.writeString(dir.resolve("db/V2__flags.sql"), "CREATE TABLE `flags` (`id` bigint PRIMARY KEY,"
                + " `enabled` boolean) ENGINE=InnoDB;\n");
        assertThat(CliRun.in(dir, "check").out()).doesNotContain("query-type-mismatch");
    }

    @Test
    void aMapperNamedOnTheCommandLineIsReadAsXml() {
        CliRun run = CliRun.in(dir, "check", "src/main/resources/mapper/OrderMapper.xml");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("OrderMapper.xml:6:5: warning[mybatis-nested-select]")
                .doesNotContain("parse-error");
    }

    @Test
    void aMalformedMapperIsADiagnosticNotACrash() throws IOException {
        Files.writeString(dir.resolve("src/main/resources/mapper/OrderMapper.xml"),
                "<mapper namespace=\"x\">\n  <select id=\"s\">SELECT 1 WHERE 1 < 2</select>\n</mapper>\n");
        CliRun run = CliRun.in(dir, "check");

        assertThat(run.out()).contains("OrderMapper.xml:2:").contains("warning[parse-error] Cannot read mapper XML");
        assertThat(run.err()).doesNotContain("Exception");
    }
}

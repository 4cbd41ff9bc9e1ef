package dev.migralint.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.source.TextRange;
import java.util.List;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import org.junit.jupiter.api.Test;

class NodeRangesTest {
    /** A statement at file offset 10, behind a comment, so ranges are absolute. */
    private static final String PREFIX = "-- lead\n\n";

    private record Parsed(String file, Statement ast, AstNodes nodes, NodeRanges ranges) {
        String text(TextRange r) {
            return file.substring(r.start(), r.end());
        }
    }

    private static Parsed parse(String sql) throws Exception {
        String file = PREFIX + sql;
        Statement ast = CCJSqlParserUtil.parse(sql);
        AstNodes nodes = AstNodes.of(ast);
        var tokens = Lexer.lex(file, LexOptions.of(Dialect.POSTGRESQL)).tokens().stream()
                .filter(t -> t.start() >= PREFIX.length()).toList();
        return new Parsed(file, ast, nodes, new NodeRanges(sql, PREFIX.length(), tokens, Dialect.POSTGRESQL, nodes));
    }

    /** Forgets the parse-tree tokens of these nodes, so only their deparsed form can place them. */
    private static void forgetTokens(List<?> nodes) {
        nodes.forEach(n -> ((ASTNodeAccess) n).setASTNode(null));
    }

    @Test
    void placesNodesByTheirTokens() throws Exception {
        Parsed p = parse("SELECT \"Id\" FROM t WHERE Deleted_At = /* c */\n  NULL");
        EqualsTo eq = p.nodes().ofType(EqualsTo.class).get(0);
        assertThat(p.text(p.ranges().range(eq))).isEqualTo("Deleted_At = /* c */\n  NULL");
        assertThat(p.text(p.ranges().range(p.nodes().ofType(Column.class).get(0)))).isEqualTo("\"Id\"");
        assertThat(p.text(p.ranges().between(p.ranges().range(eq.getLeftExpression()),
                p.ranges().range(eq.getRightExpression())))).isEqualTo("=");
    }

    @Test
    void placesANodeWithoutTokensByItsDeparsedForm() throws Exception {
        Parsed p = parse("select \"Id\" FROM t WHERE \"Id\" -- why\n   = nuLL");
        forgetTokens(p.nodes().all().stream().filter(n -> n instanceof ASTNodeAccess).toList());
        EqualsTo eq = p.nodes().ofType(EqualsTo.class).get(0);
        assertThat(p.text(p.ranges().range(eq))).isEqualTo("\"Id\" -- why\n   = nuLL");
    }

    @Test
    void quotedIdentifiersKeepTheirCase() throws Exception {
        Parsed p = parse("SELECT \"id\", \"Id\" FROM t");
        List<Column> columns = p.nodes().ofType(Column.class);
        forgetTokens(columns);
        assertThat(p.ranges().places("\"Id\"")).hasSize(1);
        assertThat(p.text(p.ranges().range(columns.get(1)))).isEqualTo("\"Id\"");
        assertThat(p.ranges().range(columns.get(0)).start()).isEqualTo(PREFIX.length() + 7);
    }

    @Test
    void theSecondOfTwoIdenticalExpressionsGetsTheSecondPlace() throws Exception {
        Parsed p = parse("SELECT a + 1, A\n + 1 FROM t");
        List<Addition> additions = p.nodes().ofType(Addition.class);
        forgetTokens(p.nodes().all().stream().filter(n -> n instanceof ASTNodeAccess).toList());
        assertThat(additions).hasSize(2);
        assertThat(p.ranges().places("a + 1")).hasSize(2);
        TextRange first = p.ranges().range(additions.get(0));
        TextRange second = p.ranges().range(additions.get(1));
        assertThat(p.text(first)).isEqualTo("a + 1");
        assertThat(p.text(second)).isEqualTo("A\n + 1");
        assertThat(second.start()).isGreaterThan(first.end());
    }

    @Test
    void aPlaceTakenByANodeWithTokensIsNotGivenToAnother() throws Exception {
        Parsed p = parse("SELECT x FROM t WHERE x = 1 OR x = 1");
        List<EqualsTo> equals = p.nodes().ofType(EqualsTo.class);
        assertThat(equals).hasSize(2);
        forgetTokens(List.of(equals.get(0)));
        TextRange placed = p.ranges().range(equals.get(1));
        assertThat(p.text(placed)).isEqualTo("x = 1");
        assertThat(p.text(p.ranges().range(equals.get(0)))).isEqualTo("x = 1");
        assertThat(p.ranges().range(equals.get(0)).start()).isLessThan(placed.start());
    }

    @Test
    void findsNodesTheObjectTreeKeepsOnlyAsText() throws Exception {
        Parsed p = parse("CREATE TABLE t (a int CHECK (a <> NULL))");
        assertThat(p.nodes().ofType(net.sf.jsqlparser.expression.operators.relational.NotEqualsTo.class))
                .singleElement().satisfies(ne -> assertThat(p.text(p.ranges().range(ne))).isEqualTo("a <> NULL"));
    }
}

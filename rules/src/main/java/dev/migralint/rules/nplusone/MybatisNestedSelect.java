package dev.migralint.rules.nplusone;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.input.mybatis.Mapper;
import dev.migralint.core.input.mybatis.MapperStatement;
import dev.migralint.core.input.mybatis.ResultMap;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.FindingBuilder;
import dev.migralint.core.rule.MapperContext;
import dev.migralint.core.rule.MapperRule;
import dev.migralint.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code <resultMap>} whose {@code <association>} or {@code <collection>} loads through
 * {@code select=} runs that select once for every row the parent statement returns: the N+1 selects
 * problem MyBatis's documentation warns about. Without the Java mapper interface, a select counts as
 * returning many rows unless it obviously returns one (its WHERE pins a primary or unique key, or
 * LIMIT 1). Result maps are followed through {@code extends}; one finding per nested select, with
 * every many-row statement that uses it as a related location.
 */
@RuleInfo(id = "mybatis-nested-select", category = Category.N_PLUS_ONE, severity = Severity.WARNING,
        summary = "A MyBatis result map that loads an association or collection with a select per row, used by "
                + "a statement returning many rows")
public final class MybatisNestedSelect implements MapperRule {
    @Override
    public void check(MapperContext ctx) {
        Mapper mapper = ctx.mapper();
        Map<ResultMap.NestedSelect, List<MapperStatement>> users = new LinkedHashMap<>();
        for (MapperStatement s : mapper.statements()) {
            if (!s.kind().equals("select") || s.resultMap() == null) {
                continue;
            }
            List<ResultMap.NestedSelect> nested = new ArrayList<>();
            for (String id : s.resultMap().split(",")) {
                nestedSelects(mapper, id.trim(), new HashSet<>(), nested);
            }
            if (!nested.isEmpty() && !ctx.returnsAtMostOneRow(s)) {
                nested.stream().distinct().forEach(n -> users.computeIfAbsent(n, k -> new ArrayList<>()).add(s));
            }
        }
        users.forEach((nested, statements) -> {
            String tag = "<" + nested.element() + (nested.property() == null ? "" : " property=\"" + nested.property() + "\"")
                    + ">";
            FindingBuilder f = ctx.report(nested.range(), tag + " loads through select=\"" + nested.select()
                    + "\", one query per row of " + statements.get(0).id()
                    + (statements.size() > 1 ? " (and " + (statements.size() - 1) + " more)" : "")
                    + ", which can return many rows: N+1 queries");
            statements.forEach(s -> f.related(s.element(), "<select id=\"" + s.id() + "\"> uses it"));
            f.help("Load the " + nested.element() + " in the same query with a JOIN and map it with a nested result "
                    + "map instead of select=: <" + nested.element()
                    + (nested.property() == null ? "" : " property=\"" + nested.property() + "\"")
                    + " resultMap=\"...\" columnPrefix=\"...\"/> (or the <id>/<result> mappings inline), "
                    + "with <id> elements so MyBatis groups the joined rows; fetchType=\"lazy\" only defers the "
                    + "same per-row queries");
        });
    }

    private static void nestedSelects(Mapper mapper, String id, Set<String> seen, List<ResultMap.NestedSelect> out) {
        Optional<ResultMap> map = mapper.resultMap(id);
        if (map.isEmpty() || !seen.add(map.get().id())) {
            return;
        }
        out.addAll(map.get().nestedSelects());
        if (map.get().extendsId() != null) {
            nestedSelects(mapper, map.get().extendsId(), seen, out);
        }
    }
}

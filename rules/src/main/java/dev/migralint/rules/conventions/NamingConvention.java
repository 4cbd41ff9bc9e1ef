package dev.migralint.rules.conventions;

import dev.migralint.core.change.ColumnDef;
import dev.migralint.core.change.Constraint;
import dev.migralint.core.change.SchemaChange;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.InvalidOptionException;
import dev.migralint.core.rule.Option;
import dev.migralint.core.rule.RuleContext;
import dev.migralint.core.rule.RuleInfo;
import dev.migralint.core.rule.StatementRule;
import dev.migralint.core.source.TextRange;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A team convention: names of the object kinds configured must match their regular expression in
 * full. Kinds left empty are not checked. Unnamed constraints and indexes are skipped, as the database
 * names them.
 */
@RuleInfo(id = "naming-convention", category = Category.CONVENTIONS, severity = Severity.WARNING, defaultOn = false,
        summary = "Names of new tables, columns, indexes and constraints should follow the configured patterns",
        options = NamingConvention.Options.class)
public final class NamingConvention implements StatementRule {
    public record Options(
            @Option(value = "Regular expression table names must match (empty: not checked)", defaultValue = "")
            String table,
            @Option(value = "Regular expression column names must match (empty: not checked)", defaultValue = "")
            String column,
            @Option(value = "Regular expression index names must match (empty: not checked)", defaultValue = "")
            String index,
            @Option(value = "Regular expression foreign key names must match (empty: not checked)", defaultValue = "")
            String foreignKey,
            @Option(value = "Regular expression check constraint names must match (empty: not checked)",
                    defaultValue = "")
            String check) {
        public Options {
            compile("table", table);
            compile("column", column);
            compile("index", index);
            compile("foreign-key", foreignKey);
            compile("check", check);
        }

        private static Pattern compile(String option, String regex) {
            if (regex == null || regex.isEmpty()) {
                return null;
            }
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new InvalidOptionException(option, "option " + option + " of rule naming-convention: " + regex
                        + " is not a regular expression: " + e.getDescription());
            }
        }
    }

    @Override
    public void check(RuleContext ctx) {
        Options o = ctx.options(Options.class);
        for (SchemaChange change : ctx.changes()) {
            names(change, o, ctx);
        }
    }

    private static void names(SchemaChange change, Options o, RuleContext ctx) {
        if (change instanceof SchemaChange.CreateTable t) {
            check("Table", t.table().displayName(), o.table(), change.range(), ctx);
            for (ColumnDef c : t.columns()) {
                check("Column", c.displayName(), o.column(), c.range(), ctx);
            }
            t.constraints().forEach(k -> constraint(k, o, ctx));
        } else if (change instanceof SchemaChange.AddColumn a) {
            check("Column", a.column().displayName(), o.column(), a.column().range(), ctx);
            a.constraints().forEach(k -> constraint(k, o, ctx));
        } else if (change instanceof SchemaChange.RenameTable r) {
            check("Table", r.newName().displayName(), o.table(), change.range(), ctx);
        } else if (change instanceof SchemaChange.RenameColumn r) {
            check("Column", r.newDisplayName(), o.column(), change.range(), ctx);
        } else if (change instanceof SchemaChange.AddConstraint a) {
            constraint(a.constraint(), o, ctx);
        } else if (change instanceof SchemaChange.CreateIndex i && i.name() != null) {
            check("Index", i.name().displayName(), o.index(), change.range(), ctx);
        } else if (change instanceof SchemaChange.RenameIndex r) {
            check("Index", r.newDisplayName(), o.index(), change.range(), ctx);
        }
    }

    private static void constraint(Constraint k, Options o, RuleContext ctx) {
        if (k instanceof Constraint.ForeignKey) {
            check("Foreign key", k.name(), o.foreignKey(), k.range(), ctx);
        } else if (k instanceof Constraint.Check) {
            check("Check constraint", k.name(), o.check(), k.range(), ctx);
        }
    }

    private static void check(String kind, String name, String regex, TextRange range, RuleContext ctx) {
        if (name == null || regex == null || regex.isEmpty() || Pattern.compile(regex).matcher(name).matches()) {
            return;
        }
        ctx.report(range, kind + " name " + name + " does not match the naming convention " + regex)
                .help("Rename it to match " + regex + ", or change the rule's option if the convention changed");
    }

}

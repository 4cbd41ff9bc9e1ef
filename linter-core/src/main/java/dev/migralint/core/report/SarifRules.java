package dev.migralint.core.report;

import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.engine.Report;
import dev.migralint.core.rule.RuleMeta;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SARIF's {@code tool.driver.rules}: one reportingDescriptor per rule, sorted by id. GitHub shows the
 * short and full description at the top of an alert, links {@code helpUri}, filters by the tags, and
 * shows {@code help} beside every result of the rule.
 */
final class SarifRules {
    private final String docsBaseUri;

    SarifRules(String docsBaseUri) {
        this.docsBaseUri = docsBaseUri;
    }

    /**
     * The enabled rules, plus any rule a finding names that the report does not list (engine findings
     * such as parse-error, or a rule enabled after the list was taken), so every ruleIndex is valid.
     */
    List<ReportingDescriptor> describe(Report report) {
        Map<String, ReportingDescriptor> byId = new TreeMap<>();
        for (RuleMeta meta : report.rules()) {
            byId.putIfAbsent(meta.id(), descriptor(meta));
        }
        for (Finding f : report.findings()) {
            byId.computeIfAbsent(f.ruleId(), id -> new ReportingDescriptor().withId(id).withName(pascalCase(id)));
        }
        return new ArrayList<>(byId.values());
    }

    private ReportingDescriptor descriptor(RuleMeta meta) {
        String summary = meta.summary();
        ReportingDescriptor d = new ReportingDescriptor()
                .withId(meta.id())
                .withName(pascalCase(meta.id()))
                .withShortDescription(new MultiformatMessageString().withText(summary))
                .withFullDescription(new MultiformatMessageString().withText(sentence(summary)))
                .withDefaultConfiguration(new ReportingConfiguration()
                        .withLevel(ReportingConfiguration.Level.fromValue(SarifReporter.level(meta.defaultSeverity())))
                        .withEnabled(null)
                        .withRank(null))
                .withProperties(new PropertyBag().withTags(new LinkedHashSet<>(List.of(meta.category().id()))));
        Optional<URI> helpUri = helpUri(meta);
        helpUri.ifPresent(uri -> d
                .withHelpUri(uri)
                .withHelp(new MultiformatMessageString()
                        .withText(sentence(summary) + " Documentation: " + uri)
                        .withMarkdown(sentence(summary) + "\n\n[Rule documentation](" + uri + ")")));
        return d;
    }

    private Optional<URI> helpUri(RuleMeta meta) {
        String base = docsBaseUri;
        if (base == null || base.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create((base.endsWith("/") ? base : base + "/") + meta.docPath());
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            // A malformed docs base only costs the links; the report itself is still valid.
            return Optional.empty();
        }
    }

    /** {@code require-concurrent-index} -> {@code RequireConcurrentIndex}, the rule class's name. */
    static String pascalCase(String id) {
        StringBuilder sb = new StringBuilder(id.length());
        boolean upper = true;
        for (char c : id.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    private static String sentence(String s) {
        return s.endsWith(".") ? s : s + ".";
    }
}

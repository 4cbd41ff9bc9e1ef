package dev.migralint.core.report;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Replacement;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.engine.Report;
import dev.migralint.core.source.SourceFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Choices that matter to consumers:
 * <ul>
 * <li>Columns are UTF-16 code units ({@code run.columnKind}); {@code endColumn} is the column after the
 * last character and {@code endLine} the line of the last character (SARIF §3.30), so an empty range is
 * an insertion point with {@code startColumn == endColumn}.</li>
 * <li>A finding's {@code help} is appended to {@code message.text} as a second paragraph: GitHub shows a
 * result's message (its first sentence as the alert title) but no result properties, and the rule's
 * {@code help} is the same for every result, so a finding-specific remedy would be lost anywhere else.
 * Related locations are also linked from the message ({@code [text](id)}), which is how GitHub shows them.</li>
 * <li>Suppressed findings are results with {@code suppressions} (inline comment: inSource; baseline:
 * external), so GitHub records them as dismissed instead of dropping them.</li>
 * <li>Files that could not be read are {@code toolExecutionNotifications} of the invocation, which
 * GitHub lists on its tool status page, not results.</li>
 * <li>The file stays within GitHub's upload limits ({@link SarifLimits}): past 25,000 results, or
 * 10 MB gzip-compressed, the least severe results are left out, and a warning notification says how
 * many; over-long messages are cut.</li>
 * </ul>
 */
public final class SarifReporter implements Reporter {
    static final String SCHEMA_URI =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/migralint/migralint";
    static final String SRCROOT = "%SRCROOT%";
    /** Versioned so a future fingerprint scheme can sit beside this one without matching it. */
    static final String FINGERPRINT_KEY = "migralint/v1";

    /**
     * The SDK's classes omit every property equal to its schema default. For a result's level that
     * is wrong: an absent level means the rule's defaultConfiguration.level, so a result whose severity
     * the configuration lowered from error to warning would read as an error. Results and rule
     * configurations therefore always write their level; their other defaults are cleared before
     * writing so they stay out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class WriteLevelAlways {
    }

    private static final ObjectMapper MAPPER = JsonOutput.MAPPER.copy()
            .addMixIn(Result.class, WriteLevelAlways.class)
            .addMixIn(ReportingConfiguration.class, WriteLevelAlways.class);

    private final ReporterOptions options;
    private final SarifLimits limits;

    public SarifReporter(ReporterOptions options) {
        this(options, SarifLimits.GITHUB);
    }

    SarifReporter(ReporterOptions options, SarifLimits limits) {
        this.options = options;
        this.limits = limits;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        int keep = limits.maxResults();
        String json = render(toSarif(report, keep, null));
        // Halving converges in a few rounds; only a report far beyond anything reviewable gets here.
        while (keep > 0 && SarifLimits.gzipSize(json) > limits.maxGzipBytes()) {
            keep = Math.min(keep, report.findings().size()) / 2;
            json = render(toSarif(report, keep, "the file would exceed " + SarifLimits.size(limits.maxGzipBytes())
                    + " gzip-compressed, more than GitHub code scanning accepts"));
        }
        out.write(json);
        out.flush();
    }

    private static String render(SarifSchema210 sarif) throws IOException {
        StringWriter buffer = new StringWriter();
        JsonOutput.write(buffer, MAPPER, sarif);
        return buffer.toString();
    }

    SarifSchema210 toSarif(Report report) {
        return toSarif(report, limits.maxResults(), null);
    }

    /** {@code sizeReason} says why fewer than the result limit are kept, or is null. */
    private SarifSchema210 toSarif(Report report, int maxResults, String sizeReason) {
        List<Finding> kept = SarifLimits.select(report.findings(), maxResults);
        List<ReportingDescriptor> rules = new SarifRules(options.docsBaseUri()).describe(report);
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).getId(), i);
        }
        List<Result> results = new ArrayList<>();
        for (Finding f : kept) {
            results.add(result(f, ruleIndex.get(f.ruleId()), report.baseDir()));
        }
        Invocation invocation = invocation(report.problems(), report.baseDir());
        int omitted = report.findings().size() - kept.size();
        if (omitted > 0) {
            List<Notification> notifications = new ArrayList<>();
            notifications.add(new Notification().withLevel(Notification.Level.WARNING).withMessage(new Message()
                    .withText(limits.omissionMessage(omitted, report.findings().size(), sizeReason))));
            if (invocation.getToolExecutionNotifications() != null) {
                notifications.addAll(invocation.getToolExecutionNotifications());
            }
            invocation.setToolExecutionNotifications(notifications);
        }
        ToolComponent driver = new ToolComponent()
                .withName("migralint")
                .withVersion(options.toolVersion())
                .withInformationUri(URI.create(INFORMATION_URI))
                .withRules(new LinkedHashSet<>(rules));
        Run run = new Run()
                .withTool(new Tool().withDriver(driver))
                .withInvocations(List.of(invocation))
                .withResults(results)
                .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS);
        if (report.baseDir() != null) {
            OriginalUriBaseIds bases = new OriginalUriBaseIds();
            bases.setAdditionalProperty(SRCROOT, new ArtifactLocation().withUri(ArtifactUris.baseUri(report.baseDir())));
            run.setOriginalUriBaseIds(bases);
        }
        return new SarifSchema210()
                .with$schema(URI.create(SCHEMA_URI))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    private Result result(Finding f, Integer ruleIndex, Path base) {
        List<RelatedLocation> related = f.related().size() <= limits.maxLocations() ? f.related()
                : f.related().subList(0, limits.maxLocations());
        Result r = new Result()
                .withRuleId(f.ruleId())
                .withRuleIndex(ruleIndex)
                .withKind(null)
                .withRank(null)
                .withLevel(Result.Level.fromValue(level(f.severity())))
                .withMessage(new Message().withText(limits.truncate(messageText(f, related))))
                .withLocations(List.of(location(f.location(), base)));
        if (f.fingerprint() != null) {
            PartialFingerprints fp = new PartialFingerprints();
            fp.setAdditionalProperty(FINGERPRINT_KEY, f.fingerprint());
            r.setPartialFingerprints(fp);
        }
        if (!related.isEmpty()) {
            Set<Location> locations = new LinkedHashSet<>();
            int id = 1;
            for (RelatedLocation rl : related) {
                locations.add(location(rl.location(), base).withId(id++)
                        .withMessage(new Message().withText(limits.truncate(rl.message()))));
            }
            r.setRelatedLocations(locations);
        }
        if (f.fix() != null && !f.fix().edits().isEmpty()) {
            r.setFixes(new LinkedHashSet<>(List.of(fix(f.fix(), f.location().file(), base))));
        }
        if (f.suppression() != null) {
            r.setSuppressions(new LinkedHashSet<>(List.of(suppression(f.suppression(), base))));
        }
        if (!f.properties().isEmpty()) {
            PropertyBag bag = new PropertyBag();
            f.properties().forEach(bag::setAdditionalProperty);
            r.setProperties(bag);
        }
        return r;
    }

    /** The message, links to the related locations, then the finding's help as a second paragraph. */
    static String messageText(Finding f) {
        return messageText(f, f.related());
    }

    private static String messageText(Finding f, List<RelatedLocation> related) {
        StringBuilder sb = new StringBuilder(f.message());
        if (!related.isEmpty()) {
            sb.append(f.message().matches(".*[.!?]$") ? " See " : ". See ");
            for (int i = 0; i < related.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append('[').append(escapeLinkText(related.get(i).message()))
                        .append("](").append(i + 1).append(')');
            }
            sb.append('.');
        }
        if (f.help() != null && !f.help().isBlank()) {
            sb.append("\n\n").append(f.help());
        }
        return sb.toString();
    }

    /** In a link's text, SARIF §3.11.6 requires literal brackets and backslashes to be escaped. */
    private static String escapeLinkText(String s) {
        return s.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    private static com.contrastsecurity.sarif.Fix fix(dev.migralint.core.diag.Fix fix, SourceFile file, Path base) {
        List<Replacement> replacements = new ArrayList<>();
        for (dev.migralint.core.diag.Fix.Edit edit : fix.edits()) {
            Replacement rep = new Replacement().withDeletedRegion(region(LineColumnSpan.of(file, edit.range())));
            if (edit.replacement() != null && !edit.replacement().isEmpty()) {
                rep.setInsertedContent(new ArtifactContent().withText(edit.replacement()));
            }
            replacements.add(rep);
        }
        ArtifactChange change = new ArtifactChange().withArtifactLocation(artifact(file, base)).withReplacements(replacements);
        com.contrastsecurity.sarif.Fix result = new com.contrastsecurity.sarif.Fix()
                .withArtifactChanges(new LinkedHashSet<>(List.of(change)));
        if (fix.description() != null) {
            result.setDescription(new Message().withText(fix.description()));
        }
        return result;
    }

    private static Suppression suppression(dev.migralint.core.diag.Suppression s, Path base) {
        Suppression out = new Suppression().withKind(switch (s.kind()) {
            case INLINE -> Suppression.Kind.IN_SOURCE;
            case BASELINE -> Suppression.Kind.EXTERNAL;
        });
        if (s.justification() != null && !s.justification().isBlank()) {
            out.setJustification(s.justification());
        }
        if (s.location() != null) {
            out.setLocation(location(s.location(), base));
        }
        return out;
    }

    private static Invocation invocation(List<InputProblem> problems, Path base) {
        Invocation invocation = new Invocation().withExecutionSuccessful(true);
        if (!problems.isEmpty()) {
            List<Notification> notifications = new ArrayList<>();
            for (InputProblem p : problems) {
                notifications.add(new Notification()
                        .withLevel(Notification.Level.ERROR)
                        .withMessage(new Message().withText(p.message()))
                        .withLocations(new LinkedHashSet<>(List.of(location(p.location(), base)))));
            }
            invocation.setToolExecutionNotifications(notifications);
        }
        return invocation;
    }

    private static Location location(dev.migralint.core.diag.Location location, Path base) {
        PhysicalLocation physical = new PhysicalLocation().withArtifactLocation(artifact(location.file(), base));
        // A whole-file location has no region: SARIF then means the entire artifact.
        LineColumnSpan.of(location).ifPresent(span -> physical.setRegion(region(span)));
        return new Location().withPhysicalLocation(physical);
    }

    private static ArtifactLocation artifact(SourceFile file, Path base) {
        Optional<String> relative = ArtifactUris.relative(file, base);
        return relative.isPresent()
                ? new ArtifactLocation().withUri(relative.get()).withUriBaseId(SRCROOT)
                : new ArtifactLocation().withUri(ArtifactUris.absolute(file));
    }

    private static Region region(LineColumnSpan span) {
        return new Region()
                .withStartLine(span.start().line())
                .withStartColumn(span.start().column())
                .withEndLine(span.lastLine())
                .withEndColumn(span.isEmpty() ? span.start().column() : span.lastColumn() + 1);
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

}

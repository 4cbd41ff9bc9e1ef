package dev.migralint.core.baseline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migralint.core.config.Config;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.engine.Report;
import dev.migralint.core.input.AtomicFile;
import dev.migralint.core.input.InputException;
import dev.migralint.core.input.IoReason;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Findings accepted as they stood when the baseline was recorded, so that a project adopting migralint
 * (or a new rule) fails only on findings that are new. A finding is matched by its fingerprint (rule,
 * file, normalized statement text, occurrence), which survives line shifts and edits elsewhere in the
 * file; a finding whose statement is edited becomes new. The file is JSON, sorted, and has no line
 * numbers, so re-recording after unrelated edits changes nothing:
 * <pre>
 * {"version": 1, "entries": [{"fingerprint": "9f2c...:1", "ruleId": "ban-char", "file": "db/V1.sql",
 *   "message": "..."}]}
 * </pre>
 * {@code ruleId}, {@code file} and {@code message} are for people reading the file and its diffs; only
 * the fingerprint is matched. File paths inside fingerprints are the report's display paths, so a
 * baseline matches runs made from the directory it was recorded in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"version", "entries"})
public record Baseline(@JsonProperty("version") int version, @JsonProperty("entries") List<Entry> entries) {
    public static final int VERSION = 1;
    public static final String DEFAULT_FILE_NAME = ".migralint-baseline.json";
    static final String JUSTIFICATION = "recorded in the migralint baseline";

    /**
     * Made on first use: building a mapper loads some 360 Jackson classes, which a check without a
     * baseline file (the common case) never needs.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
    /** Null-tolerant, so that a malformed file reaches {@link #read}'s checks instead of failing here. */
    private static final Comparator<Entry> ORDER = Comparator.nullsFirst(
            Comparator.comparing(Entry::file, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                    .thenComparing(Entry::ruleId, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                    .thenComparing(Entry::fingerprint, Comparator.nullsFirst(Comparator.<String>naturalOrder())));

    /** One accepted finding. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"fingerprint", "ruleId", "file", "message"})
    public record Entry(
            @JsonProperty("fingerprint") String fingerprint,
            @JsonProperty("ruleId") String ruleId,
            @JsonProperty("file") String file,
            @JsonProperty("message") String message) {
    }

    public Baseline {
        entries = entries == null ? List.of() : entries.stream().sorted(ORDER).toList();
    }

    /**
     * The report's findings that are not suppressed inline, which includes findings an earlier baseline
     * suppressed: re-recording keeps what is still there and drops what was fixed. Findings without a
     * fingerprint cannot be matched later and are left out.
     */
    public static Baseline of(Report report) {
        List<Entry> entries = new ArrayList<>();
        for (Finding f : report.findings()) {
            boolean inline = f.suppression() != null && f.suppression().kind() == Suppression.Kind.INLINE;
            if (!inline && f.fingerprint() != null) {
                entries.add(new Entry(f.fingerprint(), f.ruleId(), f.location().file().displayPath(), f.message()));
            }
        }
        return new Baseline(VERSION, entries);
    }

    /**
     * The baseline file a configuration names ({@code baseline:}), resolved against the folder of the
     * config file, as every path in it is; empty when the configuration names none.
     */
    public static Optional<Path> configured(Config config) {
        if (config.baseline() == null || config.baseline().isBlank()) {
            return Optional.empty();
        }
        Path named = Path.of(config.baseline());
        Path folder = config.source() == null ? null : config.source().toAbsolutePath().getParent();
        return Optional.of(folder == null ? named : folder.resolve(named).normalize());
    }

    /**
     * Reads a baseline file. A missing, unreadable or malformed file, or one of another version, is an
     * {@link InputException} with a one-line message.
     */
    public static Baseline read(Path file) {
        String text;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // A FIFO would block the run forever.
                throw new InputException("cannot read baseline file " + file + ": not a regular file");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                // Editors on Windows add a byte-order mark; JSON readers must accept and drop it.
                text = text.substring(1);
            }
        } catch (NoSuchFileException e) {
            throw new InputException("baseline file not found: " + file + " (record one with `migralint baseline`)");
        } catch (IOException e) {
            throw new InputException("cannot read baseline file " + file + ": " + IoReason.of(e));
        }
        Baseline baseline;
        try {
            JsonNode tree = Json.MAPPER.readTree(text);
            if (tree == null || tree.isMissingNode() || !tree.isObject()) {
                throw new InputException(file + ": not a migralint baseline: expected a JSON object");
            }
            if (!tree.path("version").isInt()) {
                throw new InputException(file + ": not a migralint baseline: no \"version\" number");
            }
            baseline = Json.MAPPER.treeToValue(tree, Baseline.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? file.toString()
                    : file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            // Jackson's message quotes the offending token; the file may be anything (a secret), so it is not echoed.
            throw new InputException(where + ": not a migralint baseline: not valid JSON");
        }
        if (baseline.version() != VERSION) {
            throw new InputException(file + ": unsupported baseline version " + baseline.version()
                    + " (this migralint reads version " + VERSION + "; record it again with `migralint baseline`)");
        }
        for (int i = 0; i < baseline.entries().size(); i++) {
            Entry e = baseline.entries().get(i);
            if (e == null || e.fingerprint() == null || e.fingerprint().isBlank()) {
                throw new InputException(file + ": not a migralint baseline: an entry has no fingerprint");
            }
        }
        return baseline;
    }

    /**
     * Writes the baseline as UTF-8 JSON with LF line ends, creating parent folders, via a temporary file
     * renamed over the old one.
     */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write(w);
            w.flush();
        });
    }

    public void write(Writer out) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        out.write(Json.MAPPER.writer(printer).writeValueAsString(this));
        out.write('\n');
        out.flush();
    }

    /**
     * Marks the report's findings that the baseline lists as suppressed ({@link Suppression.Kind#BASELINE});
     * findings already suppressed inline keep that suppression. Everything else is unchanged.
     */
    public Report apply(Report report) {
        Set<String> accepted = fingerprints();
        List<Finding> findings = new ArrayList<>(report.findings().size());
        for (Finding f : report.findings()) {
            if (!f.suppressed() && f.fingerprint() != null && accepted.contains(f.fingerprint())) {
                findings.add(f.withSuppression(new Suppression(Suppression.Kind.BASELINE, JUSTIFICATION, null)));
            } else {
                findings.add(f);
            }
        }
        return new Report(findings, report.problems(), report.rules(), report.baseDir(), report.stats());
    }

    /** Entries that match no finding of the report: fixed since the baseline was recorded. */
    public List<Entry> unmatched(Report report) {
        Set<String> present = new HashSet<>();
        for (Finding f : report.findings()) {
            if (f.fingerprint() != null) {
                present.add(f.fingerprint());
            }
        }
        return entries.stream().filter(e -> !present.contains(e.fingerprint())).toList();
    }

    private Set<String> fingerprints() {
        Set<String> set = new HashSet<>();
        for (Entry e : entries) {
            set.add(e.fingerprint());
        }
        return set;
    }
}

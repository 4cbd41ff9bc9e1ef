package dev.migralint.core.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migralint.core.diag.Finding;
import dev.migralint.core.diag.Fix;
import dev.migralint.core.diag.Location;
import dev.migralint.core.diag.RelatedLocation;
import dev.migralint.core.diag.Severity;
import dev.migralint.core.diag.Suppression;
import dev.migralint.core.engine.LintCache;
import dev.migralint.core.engine.RunStats;
import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cache entry's bytes: a header line {@code migralint-cache <format> <key> <sha256 of the body>}, then
 * the unit as JSON. Reading checks all three, so a truncated, corrupt, foreign or hand-edited entry is
 * rejected rather than trusted; every file a finding names must be one of the run's files, unchanged
 * (its content is in the key) and long enough for the finding's range.
 */
final class EntryCodec {
    static final int FORMAT = 1;
    private static final String MAGIC = "migralint-cache";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();

    /** Why an entry cannot be stored or trusted. */
    static final class BadEntry extends Exception {
        BadEntry(String message) {
            super(message);
        }
    }

    private EntryCodec() {
    }

    static byte[] encode(String key, LintCache.Unit unit, Map<String, SourceFile> files) throws BadEntry {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(body)) {
            g.writeStartObject();
            g.writeArrayFieldStart("stats");
            RunStats s = unit.stats();
            for (int v : new int[] {s.files(), s.statements(), s.parsed(), s.recognized(), s.skipped(), s.unparsed(),
                s.queriesValidated(), s.queriesNotValidated()}) {
                g.writeNumber(v);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Finding f : unit.findings()) {
                finding(g, f, files);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] json = body.toByteArray();
        byte[] header = (MAGIC + " " + FORMAT + " " + key + " " + CacheKeys.hex(CacheKeys.sha256().digest(json)) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(header, header.length + json.length);
        System.arraycopy(json, 0, out, header.length, json.length);
        return out;
    }

    private static void finding(JsonGenerator g, Finding f, Map<String, SourceFile> files) throws IOException, BadEntry {
        g.writeStartObject();
        g.writeStringField("rule", f.ruleId());
        g.writeStringField("severity", f.severity().name());
        g.writeStringField("message", f.message());
        location(g, "location", f.location(), files);
        g.writeStringField("help", f.help());
        g.writeArrayFieldStart("related");
        for (RelatedLocation r : f.related()) {
            g.writeStartObject();
            location(g, "location", r.location(), files);
            g.writeStringField("message", r.message());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (f.fix() != null) {
            g.writeObjectFieldStart("fix");
            g.writeStringField("description", f.fix().description());
            g.writeArrayFieldStart("edits");
            for (Fix.Edit e : f.fix().edits()) {
                g.writeStartArray();
                g.writeNumber(e.range().start());
                g.writeNumber(e.range().end());
                g.writeString(e.replacement());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (f.suppression() != null) {
            g.writeObjectFieldStart("suppression");
            g.writeStringField("kind", f.suppression().kind().name());
            g.writeStringField("justification", f.suppression().justification());
            location(g, "location", f.suppression().location(), files);
            g.writeEndObject();
        }
        g.writeStringField("fingerprint", f.fingerprint());
        // [name, type, value as text]: the type keeps 3 an Integer and 3L a Long, so output is unchanged
        g.writeArrayFieldStart("properties");
        for (Map.Entry<String, Object> p : f.properties().entrySet()) {
            g.writeStartArray();
            g.writeString(p.getKey());
            g.writeString(typeOf(p.getValue()));
            g.writeString(String.valueOf(p.getValue()));
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static final Map<Class<?>, String> TYPES = Map.of(String.class, "string", Integer.class, "int",
            Long.class, "long", Double.class, "double", Float.class, "float", Boolean.class, "boolean",
            BigDecimal.class, "decimal", BigInteger.class, "integer");

    private static String typeOf(Object v) throws BadEntry {
        String type = v == null ? null : TYPES.get(v.getClass());
        if (type == null) {
            throw new BadEntry("a property of type " + (v == null ? "null" : v.getClass().getName()));
        }
        return type;
    }

    private static Object valueOf(String type, String text) throws BadEntry {
        return switch (type) {
            case "string" -> text;
            case "int" -> Integer.valueOf(text);
            case "long" -> Long.valueOf(text);
            case "double" -> Double.valueOf(text);
            case "float" -> Float.valueOf(text);
            case "boolean" -> Boolean.valueOf(text);
            case "decimal" -> new BigDecimal(text);
            case "integer" -> new BigInteger(text);
            default -> throw new BadEntry("unknown property type " + type);
        };
    }

    private static void location(JsonGenerator g, String field, Location l, Map<String, SourceFile> files)
            throws IOException, BadEntry {
        if (l == null) {
            return;
        }
        if (files.get(l.file().displayPath()) != l.file()) {
            throw new BadEntry("a finding in " + l.file().displayPath() + ", not one of the run's files");
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("file", l.file().displayPath());
        if (l instanceof Location.Span s) {
            g.writeNumberField("start", s.range().start());
            g.writeNumberField("end", s.range().end());
        }
        g.writeEndObject();
    }

    static LintCache.Unit decode(byte[] bytes, String key, Map<String, SourceFile> files) throws BadEntry {
        int eol = 0;
        while (eol < bytes.length && bytes[eol] != '\n') {
            eol++;
        }
        if (eol == bytes.length) {
            throw new BadEntry("no header");
        }
        String[] header = new String(bytes, 0, eol, StandardCharsets.US_ASCII).split(" ");
        if (header.length != 4 || !header[0].equals(MAGIC) || !header[1].equals(String.valueOf(FORMAT))) {
            throw new BadEntry("not an entry of format " + FORMAT);
        }
        if (!header[2].equals(key)) {
            throw new BadEntry("the entry of another key");
        }
        byte[] json = Arrays.copyOfRange(bytes, eol + 1, bytes.length);
        if (!header[3].equals(CacheKeys.hex(CacheKeys.sha256().digest(json)))) {
            throw new BadEntry("checksum mismatch");
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            JsonNode st = root.required("stats");
            int[] v = new int[8];
            for (int i = 0; i < v.length; i++) {
                v[i] = st.required(i).intValue();
            }
            List<Finding> findings = new ArrayList<>();
            for (JsonNode f : root.required("findings")) {
                findings.add(finding(f, files));
            }
            return new LintCache.Unit(findings, new RunStats(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new BadEntry("unreadable: " + e.getMessage());
        }
    }

    private static Finding finding(JsonNode f, Map<String, SourceFile> files) throws BadEntry {
        List<RelatedLocation> related = new ArrayList<>();
        for (JsonNode r : f.required("related")) {
            related.add(new RelatedLocation(location(r.get("location"), files), text(r, "message")));
        }
        Fix fix = null;
        if (f.has("fix")) {
            List<Fix.Edit> edits = new ArrayList<>();
            for (JsonNode e : f.get("fix").required("edits")) {
                edits.add(new Fix.Edit(new TextRange(e.required(0).intValue(), e.required(1).intValue()),
                        e.required(2).textValue()));
            }
            fix = new Fix(text(f.get("fix"), "description"), edits);
        }
        Suppression suppression = null;
        if (f.has("suppression")) {
            JsonNode s = f.get("suppression");
            suppression = new Suppression(Suppression.Kind.valueOf(text(s, "kind")), text(s, "justification"),
                    location(s.get("location"), files));
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        for (JsonNode p : f.required("properties")) {
            properties.put(p.required(0).textValue(), valueOf(p.required(1).textValue(), p.required(2).textValue()));
        }
        return new Finding(text(f, "rule"), Severity.valueOf(text(f, "severity")), text(f, "message"),
                location(f.required("location"), files), text(f, "help"), related, fix, suppression,
                text(f, "fingerprint"), properties);
    }

    /** A string field, or null when it is absent or null. */
    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.textValue();
    }

    private static Location location(JsonNode l, Map<String, SourceFile> files) throws BadEntry {
        if (l == null) {
            return null;
        }
        SourceFile file = files.get(text(l, "file"));
        if (file == null) {
            throw new BadEntry("a finding in " + text(l, "file") + ", which this run does not read");
        }
        if (!l.has("start")) {
            return new Location.WholeFile(file);
        }
        TextRange range = new TextRange(l.required("start").intValue(), l.required("end").intValue());
        if (range.end() > file.text().length()) {
            throw new BadEntry("a range beyond the end of " + file.displayPath());
        }
        return new Location.Span(file, range);
    }
}

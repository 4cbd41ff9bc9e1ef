package dev.migralint.core.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
    private static final JsonFactory JSON = new JsonFactory();

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
        // Read with the streaming parser: a warm run reads entries and little else, and the tree model
        // costs it a measurable share of its start-up.
        try (JsonParser p = JSON.createParser(json)) {
            return new Reader(p, files).unit();
        } catch (IOException | IllegalArgumentException e) {
            throw new BadEntry("unreadable: " + e.getMessage());
        }
    }

    /** Reads the body written by {@link #encode}; anything else in it is a {@link BadEntry}. */
    private record Reader(JsonParser p, Map<String, SourceFile> files) {
        LintCache.Unit unit() throws IOException, BadEntry {
            int[] stats = null;
            List<Finding> findings = null;
            expectNext(JsonToken.START_OBJECT);
            while (field()) {
                switch (p.currentName()) {
                    case "stats" -> {
                        expectCurrent(JsonToken.START_ARRAY);
                        stats = new int[8];
                        for (int i = 0; i < stats.length; i++) {
                            stats[i] = nextInt();
                        }
                        expectNext(JsonToken.END_ARRAY);
                    }
                    case "findings" -> {
                        findings = new ArrayList<>();
                        expectCurrent(JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            findings.add(finding());
                        }
                    }
                    default -> throw new BadEntry("unknown field " + p.currentName());
                }
            }
            if (stats == null || findings == null || p.nextToken() != null) {
                throw new BadEntry("incomplete");
            }
            return new LintCache.Unit(findings, new RunStats(stats[0], stats[1], stats[2], stats[3], stats[4],
                    stats[5], stats[6], stats[7]));
        }

        /** A finding, its START_OBJECT read. */
        private Finding finding() throws IOException, BadEntry {
            String rule = null;
            String severity = null;
            String message = null;
            Location location = null;
            String help = null;
            List<RelatedLocation> related = new ArrayList<>();
            Fix fix = null;
            Suppression suppression = null;
            String fingerprint = null;
            Map<String, Object> properties = new LinkedHashMap<>();
            while (field()) {
                switch (p.currentName()) {
                    case "rule" -> rule = currentString();
                    case "severity" -> severity = currentString();
                    case "message" -> message = currentString();
                    case "location" -> location = location();
                    case "help" -> help = currentString();
                    case "related" -> {
                        expectCurrent(JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            Location l = null;
                            String m = null;
                            while (field()) {
                                switch (p.currentName()) {
                                    case "location" -> l = location();
                                    case "message" -> m = currentString();
                                    default -> throw new BadEntry("unknown field " + p.currentName());
                                }
                            }
                            related.add(new RelatedLocation(l, m));
                        }
                    }
                    case "fix" -> fix = fix();
                    case "suppression" -> suppression = suppression();
                    case "fingerprint" -> fingerprint = currentString();
                    case "properties" -> {
                        expectCurrent(JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            String name = nextString();
                            String type = nextString();
                            properties.put(name, valueOf(type, nextString()));
                            expectNext(JsonToken.END_ARRAY);
                        }
                    }
                    default -> throw new BadEntry("unknown field " + p.currentName());
                }
            }
            if (rule == null || severity == null || location == null) {
                throw new BadEntry("a finding without rule, severity or location");
            }
            return new Finding(rule, Severity.valueOf(severity), message, location, help, related, fix, suppression,
                    fingerprint, properties);
        }

        private Fix fix() throws IOException, BadEntry {
            expectCurrent(JsonToken.START_OBJECT);
            String description = null;
            List<Fix.Edit> edits = new ArrayList<>();
            while (field()) {
                switch (p.currentName()) {
                    case "description" -> description = currentString();
                    case "edits" -> {
                        expectCurrent(JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            TextRange range = new TextRange(nextInt(), nextInt());
                            edits.add(new Fix.Edit(range, nextString()));
                            expectNext(JsonToken.END_ARRAY);
                        }
                    }
                    default -> throw new BadEntry("unknown field " + p.currentName());
                }
            }
            return new Fix(description, edits);
        }

        private Suppression suppression() throws IOException, BadEntry {
            expectCurrent(JsonToken.START_OBJECT);
            String kind = null;
            String justification = null;
            Location location = null;
            while (field()) {
                switch (p.currentName()) {
                    case "kind" -> kind = currentString();
                    case "justification" -> justification = currentString();
                    case "location" -> location = location();
                    default -> throw new BadEntry("unknown field " + p.currentName());
                }
            }
            if (kind == null) {
                throw new BadEntry("a suppression without kind");
            }
            return new Suppression(Suppression.Kind.valueOf(kind), justification, location);
        }

        private Location location() throws IOException, BadEntry {
            expectCurrent(JsonToken.START_OBJECT);
            String path = null;
            Integer start = null;
            Integer end = null;
            while (field()) {
                switch (p.currentName()) {
                    case "file" -> path = currentString();
                    case "start" -> start = currentInt();
                    case "end" -> end = currentInt();
                    default -> throw new BadEntry("unknown field " + p.currentName());
                }
            }
            SourceFile file = files.get(path);
            if (file == null) {
                throw new BadEntry("a finding in " + path + ", which this run does not read");
            }
            if (start == null && end == null) {
                return new Location.WholeFile(file);
            }
            if (start == null || end == null) {
                throw new BadEntry("half a range");
            }
            TextRange range = new TextRange(start, end);
            if (range.end() > file.text().length()) {
                throw new BadEntry("a range beyond the end of " + file.displayPath());
            }
            return new Location.Span(file, range);
        }

        /** Moves to the next field of the current object: true on a field name (its value not yet read). */
        private boolean field() throws IOException, BadEntry {
            JsonToken t = p.nextToken();
            if (t == JsonToken.FIELD_NAME) {
                p.nextToken();
                return true;
            }
            if (t != JsonToken.END_OBJECT) {
                throw new BadEntry("unexpected " + t);
            }
            return false;
        }

        private void expectNext(JsonToken kind) throws IOException, BadEntry {
            expect(p.nextToken(), kind);
        }

        private void expectCurrent(JsonToken kind) throws BadEntry {
            expect(p.currentToken(), kind);
        }

        private static void expect(JsonToken found, JsonToken kind) throws BadEntry {
            if (found != kind) {
                throw new BadEntry("expected " + kind + ", found " + found);
            }
        }

        private String nextString() throws IOException, BadEntry {
            p.nextToken();
            return currentString();
        }

        /** The current value: a string or null. */
        private String currentString() throws IOException, BadEntry {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            expect(t, JsonToken.VALUE_STRING);
            return p.getText();
        }

        private int nextInt() throws IOException, BadEntry {
            p.nextToken();
            return currentInt();
        }

        private int currentInt() throws IOException, BadEntry {
            expect(p.currentToken(), JsonToken.VALUE_NUMBER_INT);
            return p.getIntValue();
        }
    }
}

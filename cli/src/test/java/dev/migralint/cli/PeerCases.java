package dev.migralint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peers' rule cases in the shared corpus, read as data: squawk's rule unit tests, Eugene's unit
 * tests and hint examples (lint mode), Atlas's {@code migrate lint} integration tests (PostgreSQL and
 * MySQL). Each case is a migration history, the files whose findings count, and whether the peer rule
 * fires there.
 */
final class PeerCases {
    /** One case. {@code files} are written in order (names sort as given); findings count in {@code focus}. */
    record Case(String peer, String peerRule, String id, Map<String, String> files, Set<String> focus,
            boolean expectFires, String config) {
    }

    private static final Set<String> TRACE_ONLY = Set.of("E10", "E15");
    private static final Pattern SCRIPT = Pattern.compile("(?m)^-- (\\d+)\\.sql[ \\t]*$");

    private PeerCases() {
    }

    static List<Case> all(Path peers) throws IOException {
        List<Case> out = new ArrayList<>();
        out.addAll(squawk(peers.resolve("sbdchd_squawk/linter-rules")));
        out.addAll(eugeneUnit(peers.resolve("kaaveland_eugene/lint-unit-tests")));
        out.addAll(eugeneExamples(peers.resolve("kaaveland_eugene")));
        out.addAll(atlas(peers.resolve("ariga_atlas/lint-history")));
        return out;
    }

    /** One case per SQL literal: squawk lints each literal on its own with only that rule on. */
    static List<Case> squawk(Path dir) throws IOException {
        List<Case> out = new ArrayList<>();
        for (String[] row : tsv(dir.resolve("expectations.tsv"))) {
            String expected = row[3];
            if (!expected.equals("ok") && !expected.startsWith("violation")) {
                continue; // lock-level tables, not lint checks
            }
            StringBuilder config = new StringBuilder("dialect: postgresql\n");
            for (String s : row[4].isEmpty() ? new String[0] : row[4].split(",")) {
                if (s.startsWith("pg_version=")) {
                    config.append("target-version: ").append(s.substring("pg_version=".length())).append('\n');
                } else if (s.equals("assume_in_transaction=true")) {
                    config.append("assume-in-transaction: true\n");
                }
            }
            String[] files = row[5].split(",");
            for (String f : files) {
                String name = Path.of(f).getFileName().toString().replaceFirst("\\.sql$", "");
                out.add(new Case("squawk", row[0], row[0] + "/" + name, Map.of("1.sql", read(dir.resolve(f))), null,
                        !expected.equals("ok"), config.toString()));
            }
        }
        return out;
    }

    /** Eugene's {@code lints.rs} unit tests: {@code triggered:E9} / {@code not-triggered:E6} per script. */
    static List<Case> eugeneUnit(Path dir) throws IOException {
        List<Case> out = new ArrayList<>();
        for (String[] row : tsv(dir.resolve("expectations.tsv"))) {
            String[] expectations = row[1].split(";");
            String[] files = row[2].split(",");
            boolean paired = expectations.length == files.length && files.length > 1;
            for (int i = 0; i < expectations.length; i++) {
                String[] e = expectations[i].split(":");
                Map<String, String> sql = new LinkedHashMap<>();
                String id = "eugene-unit/" + row[0];
                if (paired) {
                    sql.put("1.sql", read(dir.resolve(files[i])));
                    id += "__" + (i + 1);
                } else {
                    for (int k = 0; k < files.length; k++) {
                        sql.put((k + 1) + ".sql", read(dir.resolve(files[k])));
                    }
                }
                out.add(new Case("eugene", e[1], id + "/" + e[1], sql, null, e[0].equals("triggered"),
                        "dialect: postgresql\n"));
            }
        }
        return out;
    }

    /** Eugene's hint examples, lint mode: each {@code -- n.sql} section is a migration, run in order. */
    static List<Case> eugeneExamples(Path dir) throws IOException {
        Map<String, Set<String>> triggered = new LinkedHashMap<>();
        for (String[] row : tsv(dir.resolve("examples-expectations.tsv"))) {
            if (!row[2].equals("lint")) {
                continue;
            }
            Set<String> ids = triggered.computeIfAbsent(row[0] + "/" + row[1], k -> new TreeSet<>());
            if (!row[5].equals("-")) {
                ids.addAll(List.of(row[5].split(",")));
            }
        }
        List<Case> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : triggered.entrySet()) {
            String page = e.getKey().substring(0, e.getKey().indexOf('/'));
            String variant = e.getKey().substring(page.length() + 1);
            Path file = dir.resolve("eugene/examples/" + page + "/" + variant + ".sql");
            if (TRACE_ONLY.contains(page) || !Files.isRegularFile(file)) {
                continue;
            }
            Map<String, String> scripts = scripts(read(file));
            Set<String> ids = new TreeSet<>(e.getValue());
            ids.add(page);
            for (String id : ids) {
                out.add(new Case("eugene", id, "eugene-examples/" + page + "/" + variant + "/" + id, scripts, null,
                        e.getValue().contains(id), "dialect: postgresql\n"));
            }
        }
        return out;
    }

    static Map<String, String> scripts(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = SCRIPT.matcher(text);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), Integer.parseInt(m.group(1))});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            out.put(String.format("%03d.sql", starts.get(i)[1]), text.substring(starts.get(i)[0], end));
        }
        if (out.isEmpty()) {
            out.put("001.sql", text);
        }
        return out;
    }

    /**
     * Atlas's lint calls on PostgreSQL and MySQL. Old outputs print no analyzer code, so each diagnostic
     * is classified by its message; a call's cases are the codes any call of the same test file reports.
     */
    static List<Case> atlas(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> calls = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("cases.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                calls.add(json.readTree(line));
            }
        }
        Map<String, Set<String>> codesPerFile = new LinkedHashMap<>();
        for (JsonNode c : calls) {
            codesPerFile.computeIfAbsent(c.get("file").asText(), k -> new TreeSet<>()).addAll(codes(c));
        }
        List<Case> out = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (JsonNode c : calls) {
            String dialect = c.get("dialect").asText();
            if (!dialect.equals("postgres") && !dialect.equals("mysql")) {
                continue;
            }
            String file = c.get("file").asText();
            Map<String, String> sections = txtar(read(dir.getParent().resolve(file)));
            List<String> names = new ArrayList<>();
            c.get("migration_files").forEach(n -> names.add(n.asText()));
            Map<String, String> files = new LinkedHashMap<>();
            for (String n : names) {
                String base = Path.of(n).getFileName().toString();
                files.put(String.format("%03d_%s", files.size() + 1, base), sections.getOrDefault(n, ""));
            }
            Matcher latest = Pattern.compile("--latest[= ](\\d+)").matcher(c.get("command").asText());
            int n = latest.find() ? Integer.parseInt(latest.group(1)) : files.size();
            Set<String> focus = new LinkedHashSet<>(new ArrayList<>(files.keySet()).subList(Math.max(0, files.size() - n),
                    files.size()));
            String name = Path.of(file).getFileName().toString().replaceFirst("\\.txt(ar)?$", "");
            String call = name + "/" + c.get("migration_dir").asText();
            int k = seen.merge(call, 1, Integer::sum);
            if (k > 1) {
                call += "#" + k;
            }
            Set<String> fired = codes(c);
            String config = "dialect: " + (dialect.equals("mysql") ? "mysql" : "postgresql")
                    + "\nassume-in-transaction: " + dialect.equals("postgres") + "\n";
            for (String code : codesPerFile.get(file)) {
                out.add(new Case("atlas", code, "atlas/" + call + "/" + code, files, focus, fired.contains(code), config));
            }
        }
        return out;
    }

    private static Set<String> codes(JsonNode call) {
        Set<String> codes = new TreeSet<>();
        call.get("analyzer_codes").forEach(x -> codes.add(x.asText()));
        call.get("diagnostics").forEach(d -> {
            String code = atlasCode(d.asText());
            if (code != null) {
                codes.add(code);
            }
        });
        return codes;
    }

    /** The analyzer a diagnostic comes from, by its message (Atlas's old outputs print no code). */
    static String atlasCode(String message) {
        String[][] patterns = {
            {"Adding a non-nullable", "MF103"}, {"Dropping non-virtual column", "DS103"}, {"Dropping table", "DS102"},
            {"Dropping foreign-key constraint", "CD101"}, {"Renaming table", "BC101"}, {"Renaming column", "BC102"},
            {"inline REFERENCES", "MY101"}, {"Modifying nullable column", "MF104"}, {"Adding a unique index", "MF101"},
            {"Dropping index", "PG102"}, {"Creating index", "PG101"}, {"concurrently within a transaction", "PG103"},
        };
        for (String[] p : patterns) {
            if (message.contains(p[0])) {
                return p[1];
            }
        }
        return null;
    }

    /** The sections of a txtar archive by name. */
    static Map<String, String> txtar(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^-- (\\S+) --[ \\t]*\\n").matcher(text);
        String name = null;
        int from = 0;
        while (m.find()) {
            if (name != null) {
                out.put(name, text.substring(from, m.start()));
            }
            name = m.group(1);
            from = m.end();
        }
        if (name != null) {
            out.put(name, text.substring(from));
        }
        return out;
    }

    private static List<String[]> tsv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

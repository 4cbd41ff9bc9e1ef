package dev.migralint.maven;

import dev.migralint.core.engine.Report;
import dev.migralint.core.report.Format;
import dev.migralint.core.report.ReporterOptions;
import dev.migralint.core.report.Reporters;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The report files a check writes besides the console report: SARIF and JSON, each to its own file, in
 * the order the formats were named. {@code none} writes no file.
 */
record ReportFiles(Map<Format, Path> files) {
    static final String NONE = "none";

    ReportFiles {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    static ReportFiles of(List<String> formats, Path sarifFile, Path jsonFile) throws MojoExecutionException {
        Map<Format, Path> files = new LinkedHashMap<>();
        List<String> names = formats == null ? List.of() : formats;
        for (String raw : names) {
            String name = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "sarif" -> files.put(Format.SARIF, sarifFile);
                case "json" -> files.put(Format.JSON, jsonFile);
                case "", NONE -> {
                    // `none` (or an empty list entry) adds no file.
                }
                default -> throw new MojoExecutionException("migralint: unknown format '" + raw.trim()
                        + "' in formats (use sarif, json or none; the console report is always printed)");
            }
        }
        return new ReportFiles(files);
    }

    /** Writes each file, creating its folder; returns the files written. */
    List<Path> write(Report report, ReporterOptions options) throws MojoExecutionException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Format, Path> entry : files.entrySet()) {
            Format format = entry.getKey();
            Path file = entry.getValue();
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    Reporters.create(format, options).write(report, w);
                }
            } catch (IOException e) {
                throw new MojoExecutionException("migralint: cannot write the " + format.id() + " report to "
                        + file + ": " + e.getMessage(), e);
            }
            written.add(file);
        }
        return written;
    }
}

package dev.migralint.core.cache;

import dev.migralint.core.engine.LintEngine;
import dev.migralint.core.rule.Rule;
import dev.migralint.core.rule.RuleRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What identifies the code that produced a finding: each jar or class folder the engine and the rules
 * were loaded from (path, size and modification time of a jar; of every file of a folder, as a
 * development build is), the rules registered, and the Java runtime. A rebuilt jar is a new identity,
 * so its results never mix with an older build's, even under one version number.
 */
final class ToolIdentity {
    private ToolIdentity() {
    }

    static String of(RuleRegistry registry) {
        TreeSet<String> sources = new TreeSet<>();
        List<String> rules = new ArrayList<>();
        sources.add(source(LintEngine.class));
        for (Rule r : registry.all()) {
            sources.add(source(r.getClass()));
            rules.add(r.meta().id() + "=" + r.getClass().getName());
        }
        StringBuilder sb = new StringBuilder("java ").append(Runtime.version()).append('\n');
        sources.forEach(s -> sb.append(s).append('\n'));
        rules.forEach(r -> sb.append(r).append('\n'));
        return CacheKeys.hash(sb.toString());
    }

    private static String source(Class<?> c) {
        CodeSource cs = c.getProtectionDomain().getCodeSource();
        URL url = cs == null ? null : cs.getLocation();
        if (url == null) {
            // no location to check: a class from nowhere we can see is a new identity every run
            return "unknown " + System.nanoTime();
        }
        try {
            Path p = Path.of(url.toURI());
            return Files.isDirectory(p) ? folder(p) : stamp(p, Files.readAttributes(p, BasicFileAttributes.class));
        } catch (URISyntaxException | IllegalArgumentException | IOException e) {
            return "unknown " + url + " " + System.nanoTime();
        }
    }

    private static String stamp(Path p, BasicFileAttributes a) {
        return p.toAbsolutePath() + " " + a.size() + " " + a.lastModifiedTime().toMillis();
    }

    private static String folder(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted().forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        sb.append(stamp(p, a)).append('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return dir.toAbsolutePath() + " " + CacheKeys.hash(sb.toString());
    }
}

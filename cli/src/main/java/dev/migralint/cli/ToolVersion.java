package dev.migralint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * migralint's version, from the build-filtered {@code migralint-version.properties}; {@code --version}
 * adds the commit it was built from, the Java running it and the libraries that decide what it parses
 * and writes, which is what a bug report needs.
 */
public final class ToolVersion implements IVersionProvider {
    private static final String RESOURCE = "/migralint-version.properties";

    public static String get() {
        String v = properties().getProperty("version");
        if (v == null || v.isBlank() || v.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " was not filtered by the build: " + v);
        }
        return v.trim();
    }

    private static Properties properties() {
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filtered value, or "unknown" when the build had none (no git for the commit). */
    private static String value(Properties p, String key) {
        String v = p.getProperty(key, "");
        return v.isBlank() || v.startsWith("${") ? "unknown" : v.trim();
    }

    @Override
    public String[] getVersion() {
        Properties p = properties();
        return new String[] {
            "migralint " + get() + " (commit " + value(p, "commit") + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + ")",
            "JSqlParser " + value(p, "jsqlparser") + ", picocli " + value(p, "picocli") + ", Jackson "
                    + value(p, "jackson") + ", java-sarif " + value(p, "java-sarif"),
        };
    }
}

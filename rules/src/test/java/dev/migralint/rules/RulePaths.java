package dev.migralint.rules;

import java.nio.file.Path;

/** Where the rules module's tests find their data; Maven passes the paths, IDEs run from the module. */
public final class RulePaths {
    private RulePaths() {
    }

    public static Path fixtures() {
        return Path.of(System.getProperty("migralint.fixtures.dir", "src/test/resources/fixtures"));
    }

    public static Path docs() {
        return Path.of(System.getProperty("migralint.docs.dir", "../docs/rules"));
    }
}

package dev.migralint.core.report;

/** The reporter for each {@link Format}. */
public final class Reporters {
    private Reporters() {
    }

    public static Reporter create(Format format, ReporterOptions options) {
        return switch (format) {
            case TEXT -> new TextReporter(options);
            case JSON -> new JsonReporter(options);
            case SARIF -> new SarifReporter(options);
            case GITHUB -> new GithubReporter(options);
            case GITLAB -> new GitlabReporter(options);
        };
    }
}

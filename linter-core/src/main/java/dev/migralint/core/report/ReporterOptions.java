package dev.migralint.core.report;

/**
 * Presentation settings: {@code color} for ANSI colours in text output (only on a terminal, never with
 * NO_COLOR), {@code toolVersion} for SARIF's driver, {@code docsBaseUri} the absolute URI that rule
 * pages ({@code docs/rules/<id>.md}) are resolved against.
 */
public record ReporterOptions(boolean color, String toolVersion, String docsBaseUri) {
    public static final String DEFAULT_DOCS_BASE_URI = "https://github.com/migralint/migralint/blob/main/";

    public static ReporterOptions plain(String toolVersion) {
        return new ReporterOptions(false, toolVersion, DEFAULT_DOCS_BASE_URI);
    }
}

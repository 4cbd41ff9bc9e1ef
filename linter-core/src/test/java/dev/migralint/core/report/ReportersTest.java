package dev.migralint.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportersTest {

    @Test
    void eachFormatHasItsReporter() {
        assertThat(Reporters.create(Format.TEXT, SampleReports.OPTIONS)).isInstanceOf(TextReporter.class);
        assertThat(Reporters.create(Format.JSON, SampleReports.OPTIONS)).isInstanceOf(JsonReporter.class);
        assertThat(Reporters.create(Format.SARIF, SampleReports.OPTIONS)).isInstanceOf(SarifReporter.class);
        assertThat(Reporters.create(Format.GITHUB, SampleReports.OPTIONS)).isInstanceOf(GithubReporter.class);
        assertThat(Reporters.create(Format.GITLAB, SampleReports.OPTIONS)).isInstanceOf(GitlabReporter.class);
    }

    @Test
    void colourOptionReachesTheTextReporter() throws Exception {
        ReporterOptions coloured = new ReporterOptions(true, "0.1.0", null);
        String out = ReporterGoldenTest.render(Reporters.create(Format.TEXT, coloured), SampleReports.full());
        assertThat(out).contains("\u001b[");
    }
}

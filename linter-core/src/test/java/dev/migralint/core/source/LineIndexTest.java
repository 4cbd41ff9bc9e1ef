package dev.migralint.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineIndexTest {

    @Test
    void countsLfCrlfAndLoneCrAsOneLineBreakEach() {
        String text = "a\nbb\r\nccc\rd";
        LineIndex idx = LineIndex.of(text);
        assertThat(idx.lineCount()).isEqualTo(4);
        assertThat(idx.position(0)).isEqualTo(new Position(1, 1));
        assertThat(idx.position(text.indexOf("bb"))).isEqualTo(new Position(2, 1));
        assertThat(idx.position(text.indexOf("ccc") + 2)).isEqualTo(new Position(3, 3));
        assertThat(idx.position(text.indexOf('d'))).isEqualTo(new Position(4, 1));
    }

    @Test
    void theCrOfACrlfPairBelongsToTheLineItEnds() {
        LineIndex idx = LineIndex.of("ab\r\ncd");
        assertThat(idx.position(2)).isEqualTo(new Position(1, 3));
        assertThat(idx.position(3)).isEqualTo(new Position(1, 4));
        assertThat(idx.position(4)).isEqualTo(new Position(2, 1));
    }

    @Test
    void columnsCountUtf16CodeUnits() {
        String text = "-- 😀 é\nx";
        LineIndex idx = LineIndex.of(text);
        // The emoji is two UTF-16 code units, so 'é' stands at column 7.
        assertThat(idx.column(text.indexOf('é'))).isEqualTo(7);
    }

    @Test
    void offsetAtEndOfTextIsOnTheLastLine() {
        LineIndex idx = LineIndex.of("a\nb\n");
        assertThat(idx.position(4)).isEqualTo(new Position(3, 1));
        assertThat(idx.position(99)).isEqualTo(new Position(3, 1));
    }

    @Test
    void lineEndExcludesTheLineBreak() {
        String text = "select 1;\r\nselect 2;";
        LineIndex idx = LineIndex.of(text);
        assertThat(text.substring(idx.lineStart(1), idx.lineEnd(1, text))).isEqualTo("select 1;");
        assertThat(text.substring(idx.lineStart(2), idx.lineEnd(2, text))).isEqualTo("select 2;");
    }

    @Test
    void firstLineStopsAtEitherLineBreak() {
        assertThat(LineIndex.firstLine("-- liquibase formatted sql\r\nSELECT 1;")).isEqualTo("-- liquibase formatted sql");
        assertThat(LineIndex.firstLine("a\nb")).isEqualTo("a");
        assertThat(LineIndex.firstLine("\nb")).isEmpty();
        assertThat(LineIndex.firstLine("only")).isEqualTo("only");
    }
}

package dev.migralint.core.input;

import dev.migralint.core.source.Position;
import dev.migralint.core.input.SourceReader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migralint.core.diag.Location;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceReaderTest {
    private static final Path P = Path.of("m.sql");

    @Test
    void dropsAUtf8ByteOrderMark() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 's', 'e', 'l'};
        SourceReader.Result r = SourceReader.decode(P, "m.sql", bytes);
        assertThat(r).isInstanceOfSatisfying(SourceReader.Result.Read.class,
                read -> assertThat(read.file().text()).isEqualTo("sel"));
    }

    @Test
    void refusesBinaryFiles() {
        byte[] bytes = {'P', 'K', 3, 4, 0, 0, 1};
        SourceReader.Result r = SourceReader.decode(P, "m.sql", bytes);
        assertThat(r).isInstanceOfSatisfying(SourceReader.Result.Failed.class, f -> {
            assertThat(f.problem().message()).contains("binary file");
            assertThat(f.problem().location()).isInstanceOf(Location.WholeFile.class);
        });
    }

    @Test
    void pointsAtTheFirstInvalidUtf8Byte() {
        byte[] head = "select 1;\nselect 'caf".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9; // Latin-1 'é', invalid as UTF-8 here
        bytes[head.length + 1] = '\'';
        bytes[head.length + 2] = ';';
        SourceReader.Result r = SourceReader.decode(P, "m.sql", bytes);
        assertThat(r).isInstanceOfSatisfying(SourceReader.Result.Failed.class, f -> {
            assertThat(f.problem().message()).contains("not valid UTF-8").contains("0xE9");
            Location.Span span = (Location.Span) f.problem().location();
            assertThat(span.file().position(span.range().start())).isEqualTo(new Position(2, 12));
        });
    }

    @Test
    void reportsAnUnreadablePath() {
        SourceReader.Result r = SourceReader.read(Path.of("does/not/exist.sql"), "exist.sql");
        assertThat(r).isInstanceOfSatisfying(SourceReader.Result.Failed.class,
                f -> assertThat(f.problem().message()).startsWith("cannot read file"));
    }
}

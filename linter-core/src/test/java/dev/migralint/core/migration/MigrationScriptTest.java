package dev.migralint.core.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.lex.Lexer;
import dev.migralint.core.lex.Token;
import dev.migralint.core.source.Position;
import dev.migralint.core.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A carved script keeps every offset of its file, so positions in reports stay exact. */
class MigrationScriptTest {

    @Test
    void tokensOfACarvedSectionSitAtTheirFilePositions() {
        Migration m = Fixtures.onlyChain(Fixtures.discover("goose")).migrations().get(1);
        MigrationScript down = m.down();
        assertThat(down.text()).hasSameSizeAs(down.file().text());
        List<Token> tokens = Lexer.lex(down.text(), LexOptions.of(Dialect.POSTGRESQL)).tokens();
        Token drop = tokens.stream().filter(t -> t.text(down.text()).equals("DROP")).findFirst().orElseThrow();
        assertThat(drop.text(down.file().text())).isEqualTo("DROP");
        assertThat(down.file().position(drop.start())).isEqualTo(new Position(13, 19));
        // nothing of the up section is left in the down script
        assertThat(tokens).noneMatch(t -> t.text(down.text()).equals("CREATE"));
    }

    @Test
    void liquibaseRollbackSqlKeepsItsColumnAfterThePrefix() {
        Migration users = Fixtures.onlyChain(Fixtures.discover("liquibase")).migrations().get(0);
        String text = users.down().text();
        int drop = text.indexOf("DROP");
        assertThat(users.down().file().position(drop)).isEqualTo(new Position(6, 12));
        assertThat(text.substring(0, drop)).isBlank();
        assertThat(users.up().text()).doesNotContain("--rollback").doesNotContain("--changeset");
    }

    @Test
    void theTextMustMatchTheFilesLength() {
        SourceFile file = SourceFile.of("a.sql", "SELECT 1;");
        assertThatThrownBy(() -> new MigrationScript(file, "SELECT", ScriptOptions.DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.sql");
        assertThat(MigrationScript.whole(file).isBlank()).isFalse();
    }

    @Test
    void layoutNamesParseAsConfigWritesThem() {
        assertThat(Layout.parse("golang-migrate")).isEqualTo(Layout.GOLANG_MIGRATE);
        assertThat(Layout.parse(" Golang_Migrate ")).isEqualTo(Layout.GOLANG_MIGRATE);
        assertThat(Layout.parse("flyway")).isEqualTo(Layout.FLYWAY);
        assertThat(Layout.parse("liquibase-formatted-sql")).isEqualTo(Layout.LIQUIBASE);
        assertThat(Layout.parse("rails")).isNull();
        assertThat(Layout.names()).startsWith("flyway, golang-migrate, sqlx");
    }
}

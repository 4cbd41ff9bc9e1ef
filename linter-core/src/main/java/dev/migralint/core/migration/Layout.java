package dev.migralint.core.migration;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a folder's migrations are named, ordered, paired with their downs and run by their tool. */
public enum Layout {
    /** {@code V1.2__name.sql}, {@code U1.2__name.sql} undo, {@code R__name.sql} repeatable. */
    FLYWAY("flyway"),
    /** {@code 1_name.up.sql} / {@code 1_name.down.sql}. */
    GOLANG_MIGRATE("golang-migrate"),
    /** {@code 1_name.sql}, or {@code 1_name.up.sql} / {@code .down.sql}; Rust sqlx-cli. */
    SQLX("sqlx"),
    /** {@code <ts>_name/up.sql} + {@code down.sql} (+ {@code metadata.toml}). */
    DIESEL("diesel"),
    /** One file per migration with {@code -- migrate:up} / {@code -- migrate:down} sections. */
    DBMATE("dbmate"),
    /** One file per migration with {@code -- +goose Up} / {@code -- +goose Down} sections. */
    GOOSE("goose"),
    /** Liquibase formatted SQL: each {@code --changeset author:id} is a migration. */
    LIQUIBASE("liquibase"),
    /** {@code sqitch.plan} orders {@code deploy/<change>.sql}; {@code revert/<change>.sql} undoes it. */
    SQITCH("sqitch"),
    /** {@code <ts>_name/migration.sql}; Prisma Migrate. */
    PRISMA("prisma"),
    /** gobuffalo/pop: {@code <ts>_name[.<dialect>][.autocommit].up.sql} / {@code .down.sql}. */
    POP("pop"),
    /** Any other folder: each file is a migration, in natural order of names. */
    PLAIN("plain");

    private final String id;

    Layout(String id) {
        this.id = id;
    }

    /** The name used in config and reports, such as {@code golang-migrate}. */
    public String id() {
        return id;
    }

    /** Parses a config name ({@code flyway}, {@code golang-migrate}, {@code golang_migrate}); null when unknown. */
    public static Layout parse(String name) {
        if (name == null) {
            return null;
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Layout l : values()) {
            if (l.id.equals(n)) {
                return l;
            }
        }
        return switch (n) {
            case "migrate", "golangmigrate" -> GOLANG_MIGRATE;
            case "gobuffalo-pop", "fizz" -> POP;
            case "liquibase-sql", "liquibase-formatted-sql" -> LIQUIBASE;
            case "prisma-migrate" -> PRISMA;
            default -> null;
        };
    }

    /** The ids, comma-separated, for error messages. */
    public static String names() {
        return Arrays.stream(values()).map(Layout::id).collect(Collectors.joining(", "));
    }
}

package dev.migralint.core.parse;

import dev.migralint.core.change.SchemaChange.TransactionKind;
import dev.migralint.core.source.TextRange;
import java.util.List;

/**
 * Statements the token-level recognizer understands when JSqlParser does not. Names are as written
 * (quotes removed); ranges point at the name in the file.
 */
public sealed interface RecognizedStatement {

    record Transaction(TransactionKind kind) implements RecognizedStatement {
    }

    /** SET [SESSION|LOCAL] name {TO|=} value; also RESET name, read as value DEFAULT. Name lower-case. */
    record SetSetting(String name, String value, boolean local) implements RecognizedStatement {
    }

    record DropIndex(List<Name> indexes, boolean concurrently, boolean ifExists, boolean cascade)
            implements RecognizedStatement {
    }

    record Truncate(List<Name> tables, boolean cascade) implements RecognizedStatement {
    }

    /** LOCK [TABLE] names [IN mode MODE]; mode upper-case, default ACCESS EXCLUSIVE. */
    record LockTable(List<Name> tables, String mode) implements RecognizedStatement {
    }

    /** CREATE [UNIQUE] INDEX the parser could not read (e.g. exotic options); columns may be empty. */
    record CreateIndex(Name index, Name table, boolean unique, boolean concurrently, boolean ifNotExists)
            implements RecognizedStatement {
    }

    /**
     * REINDEX {INDEX | TABLE | SCHEMA | DATABASE | SYSTEM} [CONCURRENTLY] name; {@code target} upper-case,
     * {@code name} null where PostgreSQL lets it be left out (DATABASE, SYSTEM).
     */
    record Reindex(String target, Name name, boolean concurrently) implements RecognizedStatement {
    }

    /**
     * ALTER TABLE table ADD [CONSTRAINT name] {UNIQUE | PRIMARY KEY} USING INDEX index, which JSqlParser
     * does not read; {@code constraint} null when unnamed.
     */
    record AddConstraintUsingIndex(Name table, String constraint, boolean primaryKey, Name index)
            implements RecognizedStatement {
    }

    /** CREATE [TEMPORARY | UNLOGGED] SEQUENCE [IF NOT EXISTS] name; its options are not read. */
    record CreateSequence(Name sequence, boolean ifNotExists) implements RecognizedStatement {
    }

    /** DROP TYPE or DROP DOMAIN (a domain is a type too), which JSqlParser does not read. */
    record DropType(List<Name> types, boolean ifExists, boolean cascade) implements RecognizedStatement {
    }

    /** A possibly schema-qualified name and where it stands. */
    record Name(String schema, String name, TextRange range) {
        public String qualified() {
            return schema == null ? name : schema + "." + name;
        }
    }
}

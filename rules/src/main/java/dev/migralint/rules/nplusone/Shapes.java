package dev.migralint.rules.nplusone;

/** What a statement's fingerprint says about how it reads rows. */
final class Shapes {
    private Shapes() {
    }

    /** Looks up or changes rows by a value: {@code col = ?} or {@code col IN (?)}. */
    static boolean lookupByKey(String fingerprint) {
        return fingerprint.contains(" = ?") || fingerprint.contains(" IN (?)");
    }

    /** One page of a longer result: OFFSET, or a keyset bound ({@code id > ?}) with a LIMIT. */
    static boolean paged(String fingerprint) {
        if (fingerprint.contains(" OFFSET ?")) {
            return true;
        }
        boolean limit = fingerprint.contains(" LIMIT ?") || fingerprint.contains(" FETCH FIRST ?")
                || fingerprint.contains(" FETCH NEXT ?");
        return limit && (fingerprint.contains(" > ?") || fingerprint.contains(" < ?") || fingerprint.contains(" >= ?")
                || fingerprint.contains(" <= ?") || fingerprint.contains(") > (") || fingerprint.contains(") < ("));
    }

    /** A row-by-row load: {@code INSERT ... VALUES} (or MySQL's REPLACE). */
    static boolean insertValues(String fingerprint) {
        return (fingerprint.startsWith("INSERT ") || fingerprint.startsWith("REPLACE ")) && fingerprint.contains(" VALUES");
    }
}

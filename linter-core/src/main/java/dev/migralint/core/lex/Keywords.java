package dev.migralint.core.lex;

import java.util.Locale;
import java.util.Set;

/** The key words the token-level readers and the parser's rewrites share. */
public final class Keywords {
    /**
     * PostgreSQL's reserved key words (both "reserved" and "reserved, can be function or type"):
     * these can't name a column unquoted, so an error at one is a real error, not JSqlParser's.
     */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze",
            "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect",
            "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order",
            "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then",
            "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
            "where", "window", "with");

    private Keywords() {
    }

    /**
     * True for a PostgreSQL reserved key word (any case). MySQL reserves nearly all of these too, so
     * where a word cannot be a name in PostgreSQL it is not taken for one in MySQL either.
     */
    public static boolean isReserved(String word) {
        return RESERVED.contains(word.toLowerCase(Locale.ROOT));
    }
}

package dev.migralint.core.input.mybatis;

import dev.migralint.core.source.TextRange;

/**
 * One {@code <select>}, {@code <insert>}, {@code <update>} or {@code <delete>} of a mapper as a
 * representative SQL statement: dynamic tags expanded (every {@code <if>} taken, the first
 * {@code <when>} of a {@code <choose>}, one {@code <foreach>} iteration), {@code #{...}} as
 * {@code ?} and {@code ${...}} as {@link #PLACEHOLDER} (or nothing, where it appends a fragment to a
 * complete condition). {@code offsets[i]} is where the i-th character of {@code sql} is written in
 * the XML file; text the expansion adds (WHERE, SET, a foreach's brackets) points at its tag.
 * {@code resultMap} and {@code resultType} are the attributes as written, or null.
 */
public record MapperStatement(String namespace, String id, String kind, String sql, int[] offsets,
                              String resultMap, String resultType, TextRange element) {
    /** What a {@code ${...}} substitution becomes where an operand or a name is expected. */
    public static final String PLACEHOLDER = "__mybatis_param__";

    /** {@code namespace.id}, as MyBatis names the statement. */
    public String name() {
        return namespace == null || namespace.isEmpty() ? id : namespace + "." + id;
    }

    /** Where the SQL text {@code range} is written in the XML file. */
    public TextRange xmlRange(TextRange range) {
        if (offsets.length == 0) {
            return element;
        }
        int start = offsets[Math.min(Math.max(range.start(), 0), offsets.length - 1)];
        int last = offsets[Math.min(Math.max(range.end() - 1, range.start()), offsets.length - 1)];
        return last + 1 > start ? new TextRange(start, last + 1) : new TextRange(start, start + 1);
    }
}

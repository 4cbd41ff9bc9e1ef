package dev.migralint.core.input.mybatis;

import dev.migralint.core.source.SourceFile;
import dev.migralint.core.source.TextRange;
import java.util.List;
import java.util.Optional;

/**
 * What a MyBatis mapper file holds: its namespace, statements, result maps, and what could not be
 * read (a malformed file, an {@code <include>} whose fragment is not in the file), each with where.
 */
public record Mapper(SourceFile file, String namespace, List<MapperStatement> statements, List<ResultMap> resultMaps,
                     List<Problem> problems) {
    /** Something the reader could not understand, at {@code range} of the file. */
    public record Problem(TextRange range, String message) {
    }

    /** The result map {@code id} names: local, or qualified with this mapper's namespace. */
    public Optional<ResultMap> resultMap(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String local = namespace != null && id.startsWith(namespace + ".") ? id.substring(namespace.length() + 1) : id;
        return resultMaps.stream().filter(r -> r.id().equals(local)).findFirst();
    }
}

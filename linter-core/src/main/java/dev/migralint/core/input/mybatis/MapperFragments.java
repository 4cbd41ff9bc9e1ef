package dev.migralint.core.input.mybatis;

import dev.migralint.core.input.mybatis.XmlTree.Element;
import dev.migralint.core.source.SourceFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <sql>} fragments of every mapper file of a run, by {@code namespace.id}, for an
 * {@code <include refid="other.namespace.id"/>} that names a fragment of another mapper, as MyBatis
 * resolves it across the mappers of one configuration.
 */
public final class MapperFragments {
    /** No other mapper: only a file's own fragments can be included. */
    public static final MapperFragments NONE = new MapperFragments(Map.of());

    /** One mapper file's namespace and fragments, by local id. */
    record Source(String namespace, Map<String, Element> fragments) {
    }

    private final Map<String, Source> byQualifiedId;

    private MapperFragments(Map<String, Source> byQualifiedId) {
        this.byQualifiedId = byQualifiedId;
    }

    /** The fragments of {@code mappers}; a file that is not well-formed XML adds none (its own read reports it). */
    public static MapperFragments of(List<SourceFile> mappers) {
        Map<String, Source> all = new HashMap<>();
        for (SourceFile f : mappers) {
            Element root;
            try {
                root = XmlTree.parse(f.text());
            } catch (XmlTree.Malformed e) {
                continue;
            }
            String namespace = root.attribute("namespace");
            if (namespace == null || namespace.isEmpty()) {
                continue;
            }
            Source source = new Source(namespace, MapperReader.fragments(root));
            source.fragments().keySet().forEach(id -> all.putIfAbsent(namespace + "." + id, source));
        }
        return new MapperFragments(Map.copyOf(all));
    }

    /** The mapper whose fragment {@code refid} names, or null. */
    Source find(String refid) {
        return byQualifiedId.get(refid);
    }
}

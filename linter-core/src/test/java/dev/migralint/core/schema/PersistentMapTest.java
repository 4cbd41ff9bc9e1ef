package dev.migralint.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PersistentMapTest {

    @Test
    void behavesLikeATreeMapUnderRandomUpdatesAndKeepsOldVersions() {
        Random random = new Random(42);
        PersistentMap<Integer, String> map = PersistentMap.empty(Comparator.naturalOrder());
        TreeMap<Integer, String> reference = new TreeMap<>();
        List<PersistentMap<Integer, String>> versions = new ArrayList<>();
        List<TreeMap<Integer, String>> snapshots = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            int key = random.nextInt(500);
            if (random.nextInt(3) == 0) {
                map = map.remove(key);
                reference.remove(key);
            } else {
                map = map.put(key, "v" + i);
                reference.put(key, "v" + i);
            }
            if (i % 500 == 0) {
                versions.add(map);
                snapshots.add(new TreeMap<>(reference));
            }
        }
        assertThat(map.size()).isEqualTo(reference.size());
        assertThat(map.values()).containsExactlyElementsOf(reference.values());
        assertThat(map.get(-1)).isNull();
        for (int v = 0; v < versions.size(); v++) {
            assertThat(versions.get(v).values()).containsExactlyElementsOf(snapshots.get(v).values());
        }
    }

    @Test
    void staysBalanced() {
        PersistentMap<Integer, Integer> map = PersistentMap.empty(Comparator.naturalOrder());
        List<Integer> keys = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            keys.add(i);
        }
        for (int k : keys) {
            map = map.put(k, k); // ascending inserts degrade an unbalanced tree to a list
        }
        assertThat(map.height()).isLessThanOrEqualTo(18); // 1.44 log2(4096) for AVL
        Collections.shuffle(keys, new Random(1));
        for (int k : keys.subList(0, 4000)) {
            map = map.remove(k);
        }
        assertThat(map.size()).isEqualTo(96);
        assertThat(map.height()).isLessThanOrEqualTo(10);
    }
}

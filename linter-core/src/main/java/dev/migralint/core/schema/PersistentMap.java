package dev.migralint.core.schema;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An immutable sorted map whose updates share structure with the map they came from: a put or
 * remove copies only the O(log n) nodes on one path of an AVL tree. Replay keeps a schema per
 * statement, so a whole-map copy per change would make replaying a long chain quadratic.
 */
final class PersistentMap<K, V> {
    private record Node<K, V>(K key, V value, Node<K, V> left, Node<K, V> right, int height) {
    }

    private final Comparator<? super K> order;
    private final Node<K, V> root;
    private final int size;

    private PersistentMap(Comparator<? super K> order, Node<K, V> root, int size) {
        this.order = order;
        this.root = root;
        this.size = size;
    }

    static <K, V> PersistentMap<K, V> empty(Comparator<? super K> order) {
        return new PersistentMap<>(order, null, 0);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    V get(K key) {
        Node<K, V> n = root;
        while (n != null) {
            int c = order.compare(key, n.key);
            if (c == 0) {
                return n.value;
            }
            n = c < 0 ? n.left : n.right;
        }
        return null;
    }

    boolean containsKey(K key) {
        return get(key) != null;
    }

    /** This map with {@code key} mapped to {@code value} (not null). */
    PersistentMap<K, V> put(K key, V value) {
        boolean[] added = new boolean[1];
        Node<K, V> r = put(root, key, value, added);
        return new PersistentMap<>(order, r, added[0] ? size + 1 : size);
    }

    /** This map without {@code key}; the same map when the key is absent. */
    PersistentMap<K, V> remove(K key) {
        if (get(key) == null) {
            return this;
        }
        return new PersistentMap<>(order, remove(root, key), size - 1);
    }

    /** Values in key order. */
    List<V> values() {
        List<V> out = new ArrayList<>(size);
        forEach((k, v) -> out.add(v));
        return out;
    }

    List<Map.Entry<K, V>> entries() {
        List<Map.Entry<K, V>> out = new ArrayList<>(size);
        forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
        return out;
    }

    void forEach(BiConsumer<? super K, ? super V> action) {
        // An explicit stack: the tree is balanced, but recursion per call would still be wasteful.
        List<Node<K, V>> stack = new ArrayList<>();
        Node<K, V> n = root;
        while (n != null || !stack.isEmpty()) {
            while (n != null) {
                stack.add(n);
                n = n.left;
            }
            n = stack.remove(stack.size() - 1);
            action.accept(n.key, n.value);
            n = n.right;
        }
    }

    private Node<K, V> put(Node<K, V> n, K key, V value, boolean[] added) {
        if (n == null) {
            added[0] = true;
            return new Node<>(key, value, null, null, 1);
        }
        int c = order.compare(key, n.key);
        if (c == 0) {
            return value == n.value ? n : new Node<>(key, value, n.left, n.right, n.height);
        }
        return c < 0 ? balance(n.key, n.value, put(n.left, key, value, added), n.right)
                : balance(n.key, n.value, n.left, put(n.right, key, value, added));
    }

    private Node<K, V> remove(Node<K, V> n, K key) {
        int c = order.compare(key, n.key);
        if (c < 0) {
            return balance(n.key, n.value, remove(n.left, key), n.right);
        }
        if (c > 0) {
            return balance(n.key, n.value, n.left, remove(n.right, key));
        }
        if (n.left == null) {
            return n.right;
        }
        if (n.right == null) {
            return n.left;
        }
        Node<K, V> min = n.right;
        while (min.left != null) {
            min = min.left;
        }
        return balance(min.key, min.value, n.left, removeMin(n.right));
    }

    private Node<K, V> removeMin(Node<K, V> n) {
        if (n.left == null) {
            return n.right;
        }
        return balance(n.key, n.value, removeMin(n.left), n.right);
    }

    private static int height(Node<?, ?> n) {
        return n == null ? 0 : n.height;
    }

    private static <K, V> Node<K, V> node(K key, V value, Node<K, V> left, Node<K, V> right) {
        return new Node<>(key, value, left, right, Math.max(height(left), height(right)) + 1);
    }

    private static <K, V> Node<K, V> balance(K key, V value, Node<K, V> left, Node<K, V> right) {
        int diff = height(left) - height(right);
        if (diff > 1) {
            if (height(left.left) >= height(left.right)) {
                return node(left.key, left.value, left.left, node(key, value, left.right, right));
            }
            Node<K, V> lr = left.right;
            return node(lr.key, lr.value, node(left.key, left.value, left.left, lr.left), node(key, value, lr.right, right));
        }
        if (diff < -1) {
            if (height(right.right) >= height(right.left)) {
                return node(right.key, right.value, node(key, value, left, right.left), right.right);
            }
            Node<K, V> rl = right.left;
            return node(rl.key, rl.value, node(key, value, left, rl.left), node(right.key, right.value, rl.right, right.right));
        }
        return node(key, value, left, right);
    }

    /** Height of the tree, for tests of the balance. */
    int height() {
        return height(root);
    }
}

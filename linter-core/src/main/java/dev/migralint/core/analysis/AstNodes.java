package dev.migralint.core.analysis;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.parser.ASTNodeAccess;
import net.sf.jsqlparser.parser.Node;

/**
 * Every node of a JSqlParser AST, each once. JSqlParser's visitors skip parts of some statements,
 * and a few parts it keeps only as text in the object tree (a column's CHECK, for one) while its
 * parse tree still holds their nodes; so this reads both: the objects reachable from the statement
 * through their fields, and the values of the parse tree those objects were built from.
 */
public final class AstNodes {
    private static final String AST_PACKAGE = "net.sf.jsqlparser.";
    private static final String PARSER_PACKAGE = "net.sf.jsqlparser.parser.";
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private final List<Object> nodes;

    private AstNodes(List<Object> nodes) {
        this.nodes = Collections.unmodifiableList(nodes);
    }

    /** The nodes of {@code root}, in the order the walk met them (mostly, not always, written order). */
    public static AstNodes of(Object root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> found = new ArrayList<>();
        walkObjects(root, seen, found);
        Set<Node> trees = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i) instanceof ASTNodeAccess a && a.getASTNode() != null) {
                Node top = a.getASTNode();
                while (top.jjtGetParent() != null) {
                    top = top.jjtGetParent();
                }
                if (trees.add(top)) {
                    walkTree(top, seen, found);
                }
            }
        }
        return new AstNodes(found);
    }

    public List<Object> all() {
        return nodes;
    }

    public <T> List<T> ofType(Class<T> type) {
        return nodes.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static void walkTree(Node top, Set<Object> seen, List<Object> found) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n.jjtGetValue() != null && !seen.contains(n.jjtGetValue())) {
                walkObjects(n.jjtGetValue(), seen, found);
            }
            for (int i = n.jjtGetNumChildren() - 1; i >= 0; i--) {
                stack.push(n.jjtGetChild(i));
            }
        }
    }

    private static void walkObjects(Object root, Set<Object> seen, List<Object> found) {
        Deque<Object> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Object o = stack.pop();
            if (!seen.add(o)) {
                continue;
            }
            List<Object> children = new ArrayList<>();
            if (isAstObject(o)) {
                found.add(o);
                for (Field f : fields(o.getClass())) {
                    try {
                        addChild(f.get(o), children);
                    } catch (IllegalAccessException | RuntimeException e) {
                        // A field the walk may not read holds no node a rule needs.
                    }
                }
            } else {
                addChild(o, children);
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
    }

    private static void addChild(Object value, List<Object> children) {
        if (value == null) {
            return;
        }
        if (isAstObject(value)) {
            children.add(value);
        } else if (value instanceof Collection<?> c) {
            for (Object e : c) {
                addChild(e, children);
            }
        } else if (value instanceof Map<?, ?> m) {
            for (Object e : m.values()) {
                addChild(e, children);
            }
        } else if (value instanceof Object[] a) {
            for (Object e : a) {
                addChild(e, children);
            }
        }
    }

    private static boolean isAstObject(Object o) {
        String name = o.getClass().getName();
        return name.startsWith(AST_PACKAGE) && !name.startsWith(PARSER_PACKAGE) && !o.getClass().isEnum();
    }

    private static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> result = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                List<Field> own = new ArrayList<>();
                for (Field f : c.getDeclaredFields()) {
                    Class<?> ft = f.getType();
                    if (Modifier.isStatic(f.getModifiers()) || ft.isPrimitive() || ft == String.class
                            || ft.isEnum() || Node.class.isAssignableFrom(ft)
                            || ft.getName().startsWith(PARSER_PACKAGE)) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        own.add(f);
                    } catch (RuntimeException e) {
                        // Not readable here: its nodes, if any, come from the parse tree.
                    }
                }
                result.addAll(0, own);
            }
            return List.copyOf(result);
        });
    }
}

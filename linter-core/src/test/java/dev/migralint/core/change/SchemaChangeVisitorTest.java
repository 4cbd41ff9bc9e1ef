package dev.migralint.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every kind of change is handled on purpose: the visitor has a method for it and the record calls
 * that method, so replay and the engine's rule dispatch (both visitors) cannot compile without
 * deciding what a new kind means for them.
 */
class SchemaChangeVisitorTest {

    private static List<Class<?>> kinds() {
        return Arrays.asList(SchemaChange.class.getPermittedSubclasses());
    }

    @Test
    void theVisitorHasOneMethodPerKindOfChange() {
        List<Class<?>> visited = Arrays.stream(SchemaChange.Visitor.class.getDeclaredMethods())
                .filter(m -> m.getName().equals("visit") && m.getParameterCount() == 1)
                .<Class<?>>map(m -> m.getParameterTypes()[0]).toList();
        assertThat(visited).containsExactlyInAnyOrderElementsOf(kinds());
    }

    @Test
    void everyKindAcceptsTheVisitorItself() throws NoSuchMethodException {
        for (Class<?> kind : kinds()) {
            assertThat(kind.isRecord()).as(kind.getSimpleName()).isTrue();
            Method accept = kind.getDeclaredMethod("accept", SchemaChange.Visitor.class);
            assertThat(accept.getDeclaringClass()).isEqualTo(kind);
        }
    }

    @Test
    void acceptCallsTheMethodForItsOwnKind() {
        SchemaChange.Visitor<Class<?>> typeOf = (SchemaChange.Visitor<Class<?>>) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SchemaChange.Visitor.class},
                (proxy, method, args) -> method.getParameterTypes()[0]);
        SchemaChange opaque = new SchemaChange.Opaque("x", new dev.migralint.core.source.TextRange(0, 1));
        assertThat(opaque.accept(typeOf)).isEqualTo(SchemaChange.Opaque.class);
        SchemaChange reindex = new SchemaChange.Reindex("TABLE", ObjectName.of("t"), false,
                new dev.migralint.core.source.TextRange(0, 1));
        assertThat(reindex.accept(typeOf)).isEqualTo(SchemaChange.Reindex.class);
    }
}

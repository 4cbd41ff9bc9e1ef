package dev.migralint.core.rule;

import dev.migralint.core.change.SchemaChange;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** Sees every schema change of one type, with the statement it came from in {@code ctx}. */
public interface ChangeRule<T extends SchemaChange> extends Rule {
    void check(T change, RuleContext ctx);

    /** The change type, read once from the class's {@code implements ChangeRule<T>}. */
    default Class<? extends SchemaChange> changeType() {
        return ChangeTypes.TYPE.get(getClass());
    }

    /** Resolves {@code T} for a rule class; a rule that leaves it open must override {@link #changeType()}. */
    final class ChangeTypes {
        static final ClassValue<Class<? extends SchemaChange>> TYPE = new ClassValue<>() {
            @Override
            protected Class<? extends SchemaChange> computeValue(Class<?> type) {
                for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                    for (Type t : c.getGenericInterfaces()) {
                        if (t instanceof ParameterizedType p && p.getRawType() == ChangeRule.class
                                && p.getActualTypeArguments()[0] instanceof Class<?> arg) {
                            return arg.asSubclass(SchemaChange.class);
                        }
                    }
                }
                throw new IllegalStateException(type.getName() + " implements ChangeRule without a concrete change type");
            }
        };

        private ChangeTypes() {
        }
    }
}

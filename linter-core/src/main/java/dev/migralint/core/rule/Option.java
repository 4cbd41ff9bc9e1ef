package dev.migralint.core.rule;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One option of a rule, on a component of the rule's options record. Its name in the config is the
 * component's name in kebab-case ({@code ignoreColumns} -> {@code ignore-columns}); {@code defaultValue}
 * is written as a user would write it in the config (lists comma-separated).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Option {
    /** What the option does, one sentence. */
    String value();

    String defaultValue();
}

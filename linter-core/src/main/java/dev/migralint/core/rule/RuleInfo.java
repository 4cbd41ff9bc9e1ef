package dev.migralint.core.rule;

import dev.migralint.core.Dialect;
import dev.migralint.core.diag.Severity;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's identity, on its class: the engine, the config loader and the doc generator read it once
 * through {@link RuleMeta#of(Class)}. {@code summary} is one sentence without a trailing period.
 * {@code dialects} lists the databases the rule applies to (empty: all); the engine never runs a rule
 * on another dialect, so rules carry no dialect guard. {@code options} is a record whose components,
 * each annotated with {@link Option}, are the rule's options, bound and checked when the config loads.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    String id();

    Category category();

    Severity severity();

    String summary();

    String since() default "0.1.0";

    boolean defaultOn() default true;

    Dialect[] dialects() default {};

    Class<? extends Record> options() default NoOptions.class;
}

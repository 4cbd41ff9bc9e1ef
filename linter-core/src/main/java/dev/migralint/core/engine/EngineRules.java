package dev.migralint.core.engine;

/** Ids of the rules whose findings the engine itself produces (their classes only carry metadata). */
public final class EngineRules {
    public static final String PARSE_ERROR = "parse-error";
    public static final String UNUSED_SUPPRESSION = "unused-suppression";

    private EngineRules() {
    }
}

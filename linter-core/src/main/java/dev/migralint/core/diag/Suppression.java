package dev.migralint.core.diag;

/** Why a finding is suppressed: an inline comment (with its justification, if any) or the baseline. */
public record Suppression(Kind kind, String justification, Location location) {
    public enum Kind { INLINE, BASELINE }
}

package dev.migralint.core.rule;

/**
 * A rule option the config sets to a value the rule does not accept. Thrown by the binder, and by an
 * options record's constructor for checks a type cannot express ("max must be at least 1").
 */
public final class InvalidOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String option;

    /** {@code option} is the name as the config writes it; {@code message} says what is wrong and what is allowed. */
    public InvalidOptionException(String option, String message) {
        super(message);
        this.option = option;
    }

    public String option() {
        return option;
    }
}

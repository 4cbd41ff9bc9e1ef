package dev.migralint.core.input;

/** A run that cannot start because of its input, such as a path that does not exist. One-line message. */
public final class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }
}

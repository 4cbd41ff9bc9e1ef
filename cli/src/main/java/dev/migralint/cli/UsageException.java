package dev.migralint.cli;

/** A command-line mistake found after parsing, such as an unknown rule id; exit code 2, one line. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}

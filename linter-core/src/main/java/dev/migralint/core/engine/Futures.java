package dev.migralint.core.engine;

import java.util.concurrent.ExecutionException;

/** Work done on another thread fails in the thread that waits for it, as if done there. */
final class Futures {
    private Futures() {
    }

    /** The failure of {@code e}'s task, to throw; an {@link Error} is thrown from here. */
    static RuntimeException unwrap(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
            return r;
        }
        if (e.getCause() instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e.getCause());
    }
}

package dev.migralint.core.engine;

import dev.migralint.core.diag.InputProblem;
import dev.migralint.core.diag.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules that threw during one run. A rule's bug must not end the run (every other rule's findings
 * would be lost with it), nor vanish: the rule is skipped where it failed, the rest goes on, and the
 * failure is reported as a problem at that place, which makes the exit code that of a bug. Shared by
 * the threads of a run.
 */
final class RuleFailures {
    private final List<InputProblem> problems = new ArrayList<>();

    /** Runs {@code check}, recording a failure of {@code rule} at {@code where} instead of throwing. */
    void guard(ActiveRule rule, Location where, Runnable check) {
        try {
            check.run();
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            record(rule, where, e);
        }
    }

    /** Records that {@code rule} threw {@code e} at {@code where}. */
    void record(ActiveRule rule, Location where, Throwable e) {
        String detail = e.getMessage() == null ? e.getClass().getName() : e.getClass().getName() + ": " + e.getMessage();
        add(InputProblem.internal(where, "rule " + rule.meta().id() + " failed here and was"
                + " skipped for it (" + detail + "); the other rules ran. This is a bug in migralint:"
                + " please report it with this SQL"));
    }

    void add(InputProblem problem) {
        synchronized (problems) {
            problems.add(problem);
        }
    }

    /** The failures recorded so far, which are then forgotten here. */
    List<InputProblem> drain() {
        synchronized (problems) {
            List<InputProblem> out = List.copyOf(problems);
            problems.clear();
            return out;
        }
    }

    List<InputProblem> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }
}

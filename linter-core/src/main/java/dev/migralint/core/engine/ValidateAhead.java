package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.query.QueryFacts;
import dev.migralint.core.query.QueryValidator;
import dev.migralint.core.query.SchemaTimeline;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Validates a script's queries (Apache Calcite) on a thread of their own while the linting thread
 * runs the other rules. A query is validated against the schema before it and the script's earlier
 * schemas, which the replay works out without the rules, so a script is replayed first and its
 * queries are handed here before the rules start on its first statement. The facts do not depend on
 * the thread that worked them out, so findings are the same as when the rules validate on first use;
 * on the PostgreSQL regression suite, where Calcite was half of the linting thread's time, the two
 * threads share the work. {@code -Dmigralint.validateAhead=false} validates on first use, as before.
 */
final class ValidateAhead {
    static final String PROPERTY = "migralint.validateAhead";
    private static ExecutorService pool;

    private ValidateAhead() {
    }

    static boolean enabled() {
        return !"false".equals(System.getProperty(PROPERTY));
    }

    /** The facts of {@code parsed}, on the way; null when it is not a query validation can read. */
    static Future<QueryFacts> submit(ParsedStatement parsed, Dialect dialect, SchemaTimeline timeline) {
        if (!(parsed instanceof ParsedStatement.Parsed p) || p.ast() == null || !QueryValidator.isQuery(p.ast())) {
            return null;
        }
        return pool().submit(() -> QueryValidator.validate(p.statement(), p.ast(), dialect, timeline));
    }

    /** Drops the validations of {@code facts} not started yet; null entries and a null list are fine. */
    static void cancel(List<Future<QueryFacts>> facts) {
        if (facts != null) {
            for (Future<QueryFacts> f : facts) {
                if (f != null) {
                    f.cancel(false);
                }
            }
        }
    }

    /** The result of {@link #submit}; a validation that threw throws the same here, in the rule that asked. */
    static QueryFacts get(Future<QueryFacts> facts) {
        try {
            return facts.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a query was validated", e);
        } catch (ExecutionException e) {
            throw Futures.unwrap(e); // the same failure as in this thread
        }
    }

    private static synchronized ExecutorService pool() {
        if (pool == null) {
            // One thread below the processor count: the linting thread keeps one to itself.
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "migralint-validate");
                t.setDaemon(true); // a finished run must not wait for an idle validator
                return t;
            });
        }
        return pool;
    }
}

package dev.migralint.core.engine;

import dev.migralint.core.Dialect;
import dev.migralint.core.lex.LexOptions;
import dev.migralint.core.migration.MigrationScript;
import dev.migralint.core.parse.ParsedStatement;
import dev.migralint.core.parse.StatementParser;
import dev.migralint.core.query.QueryValidator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads (lexes, splits, parses) a chain's scripts ahead of its replay on a small fixed pool: reading
 * needs no schema, so the files are read in parallel while the replay, which must go in chain order,
 * takes them one by one. What a script reads as does not depend on the thread that read it, so the
 * findings and their order are the same with any number of threads. At most {@link #WINDOW} scripts
 * wait read, so memory holds the parse trees of a few files, not of the whole history.
 * {@code -Dmigralint.readThreads=1} reads every script in the replaying thread, as before.
 */
final class ReadAhead {
    static final String THREADS_PROPERTY = "migralint.readThreads";
    private static final int WINDOW = 32;
    /** Each pool thread's parsers, one per dialect: a parser is not thread-safe. */
    private static final ThreadLocal<Map<Dialect, StatementParser>> PARSERS =
            ThreadLocal.withInitial(() -> new EnumMap<>(Dialect.class));
    private static ExecutorService pool;

    private final ScriptLinter inline;
    private final List<MigrationScript> order;
    private final Map<MigrationScript, Future<ScriptLinter.Front>> pending = new IdentityHashMap<>();
    private final Dialect dialect;
    private final boolean prepareValidator;
    private int submitted;

    /**
     * Starts reading {@code order}, the scripts in the order the replay will take them; with
     * {@code prepareValidator}, the first script read that has a query also starts the query validator.
     */
    ReadAhead(ScriptLinter inline, Dialect dialect, List<MigrationScript> order, boolean prepareValidator) {
        this.inline = inline;
        this.dialect = dialect;
        this.prepareValidator = prepareValidator;
        this.order = threads() > 1 && order.size() > 1 ? new ArrayList<>(order) : List.of();
        fill(0);
    }

    /** {@code script} read: by the pool when it was in the order given, else here and now. */
    ScriptLinter.Front take(MigrationScript script) {
        Future<ScriptLinter.Front> f = pending.remove(script);
        if (f == null) {
            return inline.read(script);
        }
        fill(submitted - pending.size());
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inline.read(script);
        } catch (ExecutionException e) {
            throw Futures.unwrap(e); // the same failure as in this thread
        }
    }

    /** Keeps up to WINDOW scripts read or being read beyond the {@code taken} already handed out. */
    private void fill(int taken) {
        LexOptions lexOptions = inline.lexOptions();
        while (submitted < order.size() && submitted < taken + WINDOW) {
            MigrationScript s = order.get(submitted++);
            pending.put(s, pool().submit(() -> read(s, lexOptions)));
        }
    }

    private ScriptLinter.Front read(MigrationScript s, LexOptions lexOptions) {
        ScriptLinter.Front front = ScriptLinter.read(s, PARSERS.get().computeIfAbsent(dialect, StatementParser::new),
                lexOptions);
        if (prepareValidator && front.parsed().stream()
                .anyMatch(p -> p instanceof ParsedStatement.Parsed q && q.ast() != null && QueryValidator.isQuery(q.ast()))) {
            QueryValidator.prepare();
        }
        return front;
    }

    private static synchronized ExecutorService pool() {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads(), r -> {
                Thread t = new Thread(r, "migralint-read");
                t.setDaemon(true); // a finished run must not wait for idle readers
                return t;
            });
        }
        return pool;
    }

    static int threads() {
        Integer set = Integer.getInteger(THREADS_PROPERTY);
        return set != null ? Math.max(1, set) : Runtime.getRuntime().availableProcessors();
    }
}

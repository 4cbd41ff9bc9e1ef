package dev.migralint.rules.nplusone;

import dev.migralint.core.diag.Severity;
import dev.migralint.core.querylog.LogStatement;
import dev.migralint.core.rule.Category;
import dev.migralint.core.rule.InvalidOptionException;
import dev.migralint.core.rule.Option;
import dev.migralint.core.rule.QueryLogContext;
import dev.migralint.core.rule.QueryLogRule;
import dev.migralint.core.rule.RuleInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * In one session, a statement followed by a run of executions of one statement shape with different
 * values: code that loops over the first statement's rows and queries once per row. Sessions are
 * followed apart, so other connections' statements in between do not break a run; a transaction
 * boundary does, and BEGIN is never the parent. A loop body of up to {@value #MAX_BODY} statements
 * (two lookups per row) gives a finding per shape, each with the same parent. Not N+1: a run whose
 * values never change (a health check), row-by-row INSERT ... VALUES (a load; a JDBC batch is one
 * log entry), pages of one query (OFFSET, or a keyset bound with LIMIT), and a run with no
 * statement before it in its transaction.
 */
@RuleInfo(id = "n-plus-one-log", category = Category.N_PLUS_ONE, severity = Severity.WARNING,
        summary = "A query log shows one statement run once per row of the statement before it",
        options = NPlusOneLog.Options.class)
public final class NPlusOneLog implements QueryLogRule {
    /** Statements one loop iteration may run before the first repeats. */
    static final int MAX_BODY = 4;

    public record Options(
            @Option(value = "Executions of one statement after its parent that make an N+1", defaultValue = "3")
            int min) {
        public Options {
            if (min < 2) {
                throw new InvalidOptionException("min", "option min of rule n-plus-one-log must be 2 or more, not " + min);
            }
        }
    }

    @Override
    public LogCheck start(QueryLogContext ctx) {
        int min = ctx.options(Options.class).min();
        Map<String, Session> sessions = new HashMap<>();
        return new LogCheck() {
            @Override
            public void accept(LogStatement s) {
                switch (s.kind()) {
                    case EXECUTION -> sessions.computeIfAbsent(s.session(), k -> new Session()).execution(s, ctx, min);
                    case TRANSACTION -> {
                        Session session = sessions.get(s.session());
                        if (session != null) {
                            session.reset(ctx, min);
                        }
                    }
                    case SESSION_END -> {
                        Session session = sessions.remove(s.session());
                        if (session != null) {
                            session.reset(ctx, min);
                        }
                    }
                    case SETTING -> {
                    }
                }
            }

            @Override
            public void finish() {
                sessions.values().forEach(session -> session.reset(ctx, min));
                sessions.clear();
            }
        };
    }

    /** The statement shapes of the loop a session may be in, and how often each has run. */
    private static final class Session {
        private LogStatement last;
        private final List<Member> body = new ArrayList<>(MAX_BODY);
        /** The body has repeated: it is a loop, and a shape outside it ends the run. */
        private boolean closed;

        void execution(LogStatement s, QueryLogContext ctx, int min) {
            Member m = find(s.fingerprint());
            if (closed) {
                if (m != null) {
                    m.add(s);
                } else {
                    report(ctx, min);
                    body.clear();
                    closed = false;
                    body.add(new Member(s, last));
                }
            } else if (m != null) {
                body.subList(0, body.indexOf(m)).clear();
                closed = true;
                m.add(s);
            } else {
                if (body.size() == MAX_BODY) {
                    body.remove(0);
                }
                body.add(new Member(s, last));
            }
            last = s;
        }

        /** A transaction or the session ends: the run ends, and nothing before it can be a parent. */
        void reset(QueryLogContext ctx, int min) {
            report(ctx, min);
            body.clear();
            closed = false;
            last = null;
        }

        private Member find(String fingerprint) {
            for (Member m : body) {
                if (m.first.fingerprint().equals(fingerprint)) {
                    return m;
                }
            }
            return null;
        }

        private void report(QueryLogContext ctx, int min) {
            if (!closed || body.isEmpty()) {
                return;
            }
            LogStatement parent = body.get(0).before;
            if (parent == null) {
                return;
            }
            for (Member m : body) {
                String child = m.first.fingerprint();
                if (m.count < min || !m.valuesDiffer() || !Shapes.lookupByKey(child) || Shapes.paged(child)
                        || Shapes.insertValues(child) || child.equals(parent.fingerprint())) {
                    continue;
                }
                ctx.report(m.first, m.count + " executions of `" + child + "` follow `" + parent.fingerprint()
                                + "` in one session: one query per row of the first (N+1)")
                        .related(parent, "The statement whose rows the loop walks")
                        .help("Load the rows with one statement: join them into the first query, or fetch them all "
                                + "at once (`WHERE key = ANY(?)` or `IN (...)`; in an ORM, a fetch join or batch fetching).")
                        .property("count", m.count)
                        .property("parentFingerprint", parent.fingerprint())
                        .property("childFingerprint", child);
            }
        }
    }

    /** One statement shape of a loop body. */
    private static final class Member {
        final LogStatement first;
        /** The session's statement right before the first execution of this shape. */
        final LogStatement before;
        int count = 1;
        boolean differ;
        boolean unknown;

        Member(LogStatement first, LogStatement before) {
            this.first = first;
            this.before = before;
            this.unknown = first.values() == null;
        }

        void add(LogStatement s) {
            count++;
            if (s.values() == null) {
                unknown = true;
            } else if (!s.values().equals(first.values())) {
                differ = true;
            }
        }

        /** Values that change from row to row; when the log does not show them, they are taken to. */
        boolean valuesDiffer() {
            return differ || unknown;
        }
    }
}

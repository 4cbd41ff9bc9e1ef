package dev.migralint.core.querylog;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Reads one log, line by line, into {@link LogStatement}s in the order the log has them. Holds only
 * the entry it is reading and what its sessions need to resolve later lines (prepared statements),
 * so a log of any size streams. Lines it does not understand are skipped: a log mixes statements with
 * everything else a server or application prints.
 */
public abstract class QueryLogReader implements Closeable {
    private final BufferedReader in;
    private final ArrayDeque<LogStatement> ready = new ArrayDeque<>();
    private long lineNumber;
    private boolean done;
    LogFormat format;

    protected QueryLogReader(BufferedReader in) {
        this.in = in;
    }

    /** The format this reader reads. */
    public final LogFormat format() {
        return format;
    }

    /** The next statement or session event, or null at the end of the log. */
    public final LogStatement next() throws IOException {
        while (ready.isEmpty() && !done) {
            String line = in.readLine();
            if (line == null) {
                done = true;
                end();
            } else {
                lineNumber++;
                line(line, lineNumber);
            }
        }
        return ready.poll();
    }

    /** Reads one physical line; {@code number} is 1-based. */
    protected abstract void line(String line, long number);

    /** The log has ended: emit what is still pending. */
    protected void end() {
    }

    protected final void emit(LogStatement s) {
        ready.add(s);
    }

    /** Reads the next physical line for a record that continues past its first (a CSV field with a line break). */
    protected final String continuation() throws IOException {
        String line = in.readLine();
        if (line != null) {
            lineNumber++;
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

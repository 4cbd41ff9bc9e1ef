package dev.migralint.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes through and keeps the first write error, whose message a PrintWriter would drop. */
final class FailureRecordingStream extends FilterOutputStream {
    private volatile String reason;

    FailureRecordingStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            record(e);
            throw e;
        }
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            record(e);
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            record(e);
            throw e;
        }
    }

    private void record(IOException e) {
        if (reason == null) {
            reason = e.getMessage();
        }
    }

    /** The first failure's message, or null. */
    String reason() {
        return reason;
    }
}

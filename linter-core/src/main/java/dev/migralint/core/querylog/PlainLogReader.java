package dev.migralint.core.querylog;

import java.io.BufferedReader;

/** One statement per line, from one session, as a tool that dumps executed SQL writes it; comment lines skipped. */
final class PlainLogReader extends QueryLogReader {
    PlainLogReader(BufferedReader in) {
        super(in);
    }

    @Override
    protected void line(String text, long number) {
        String s = text.strip();
        if (!s.isEmpty() && !s.startsWith("--") && !s.startsWith("#")) {
            emit(LogStatement.execution(number, text, "1", s, null));
        }
    }
}

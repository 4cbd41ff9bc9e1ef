package dev.migralint.core.querylog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's csvlog: one CSV record per entry (quoted fields may hold line breaks, so a record can
 * span lines), with the pid in column 4, the severity in column 12, the message in 14 and the detail
 * (parameters) in 15, as the server documents them.
 */
final class PostgresCsvReader extends QueryLogReader {
    private static final int PID = 3;
    private static final int SEVERITY = 11;
    private static final int MESSAGE = 13;
    private static final int DETAIL = 14;

    private final PostgresMessages messages = new PostgresMessages(this::emit);

    PostgresCsvReader(BufferedReader in) {
        super(in);
    }

    @Override
    protected void line(String text, long number) {
        List<String> fields;
        try {
            fields = record(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (fields.size() > DETAIL) {
            messages.accept(number, text, fields.get(PID), fields.get(SEVERITY), fields.get(MESSAGE),
                    fields.get(DETAIL).isEmpty() ? null : fields.get(DETAIL));
        }
    }

    /** The fields of the record starting on {@code first}, reading further lines while a quote is open. */
    private List<String> record(String first) throws IOException {
        List<String> fields = new ArrayList<>(26);
        StringBuilder field = new StringBuilder();
        String text = first;
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i == text.length()) {
                if (!quoted) {
                    fields.add(field.toString());
                    return fields;
                }
                String next = continuation();
                if (next == null) {
                    fields.add(field.toString());
                    return fields;
                }
                field.append('\n');
                text = next;
                i = 0;
                continue;
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
    }
}

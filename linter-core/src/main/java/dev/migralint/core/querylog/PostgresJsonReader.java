package dev.migralint.core.querylog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * PostgreSQL's jsonlog (15 and later): one object per line; the keys read are {@code pid},
 * {@code error_severity}, {@code message} and {@code detail}. A line that is not a JSON object is
 * skipped.
 */
final class PostgresJsonReader extends QueryLogReader {
    private static final JsonFactory JSON = new JsonFactory();

    private final PostgresMessages messages = new PostgresMessages(this::emit);

    PostgresJsonReader(BufferedReader in) {
        super(in);
    }

    @Override
    protected void line(String text, long number) {
        if (text.isEmpty() || text.charAt(0) != '{') {
            return;
        }
        String pid = null;
        String severity = null;
        String message = null;
        String detail = null;
        try (JsonParser p = JSON.createParser(text)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                switch (name) {
                    case "pid" -> pid = p.getText();
                    case "error_severity" -> severity = p.getText();
                    case "message" -> message = p.getText();
                    case "detail" -> detail = p.getText();
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            return;
        }
        if (pid != null && severity != null && message != null) {
            messages.accept(number, text, pid, severity, message, detail);
        }
    }
}

package dev.migralint.core.querylog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The kinds of query log migralint reads, each recognized from the log's first lines, not from its name. */
public enum LogFormat {
    POSTGRES_JSON("PostgreSQL jsonlog", PostgresJsonReader::new),
    POSTGRES_CSV("PostgreSQL csvlog", PostgresCsvReader::new),
    POSTGRES_STDERR("PostgreSQL stderr log", PostgresStderrReader::new),
    MYSQL_GENERAL("MySQL/MariaDB general log", MysqlGeneralLogReader::new),
    APPLICATION("Hibernate, datasource-proxy or p6spy log", ApplicationLogReader::new),
    PLAIN("one statement per line", PlainLogReader::new);

    /** Lines read to recognize a format: startup banners and connection lines come first. */
    private static final int SAMPLE_LINES = 400;
    private static final Pattern CSV_RECORD = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d+)? \\S+,");
    private static final Pattern MYSQL_ENTRY = Pattern.compile("^(\\S+( +\\d+:\\d\\d:\\d\\d)?)?\\t+ *\\d+ [A-Z][a-z]+( [a-zA-Z]+)?\\t");

    private final String description;
    private final Function<BufferedReader, QueryLogReader> reader;

    LogFormat(String description, Function<BufferedReader, QueryLogReader> reader) {
        this.description = description;
        this.reader = reader;
    }

    public String description() {
        return description;
    }

    /** The format of a log whose first lines are {@code lines}. */
    public static LogFormat detect(List<String> lines) {
        int[] votes = new int[values().length];
        for (String l : lines) {
            if (l.startsWith("{") && l.contains("\"error_severity\"")) {
                votes[POSTGRES_JSON.ordinal()]++;
            } else if (CSV_RECORD.matcher(l).find() && (l.contains(",LOG,") || l.contains(",ERROR,"))) {
                votes[POSTGRES_CSV.ordinal()]++;
            } else if (PostgresStderrReader.severityMarker(l) >= 0) {
                votes[POSTGRES_STDERR.ordinal()]++;
            } else if (MYSQL_ENTRY.matcher(l).find() || l.startsWith("Time") && l.contains("Id Command")) {
                votes[MYSQL_GENERAL.ordinal()]++;
            } else if (l.contains("org.hibernate.SQL") || l.startsWith("Hibernate: ") || l.contains("Query:[")
                    || l.contains("|connection")) {
                votes[APPLICATION.ordinal()]++;
            }
        }
        LogFormat best = PLAIN;
        int most = 0;
        for (LogFormat f : values()) {
            if (votes[f.ordinal()] > most) {
                most = votes[f.ordinal()];
                best = f;
            }
        }
        return best;
    }

    /** Opens {@code file}, recognizing its format; decoding errors become U+FFFD, as logs may hold any bytes. */
    public static QueryLogReader open(Path file) throws IOException {
        return open(file, null);
    }

    /** As {@link #open(Path)}; a PostgreSQL stderr log is read with {@code prefix} when it is not null. */
    public static QueryLogReader open(Path file, LogLinePrefix prefix) throws IOException {
        List<String> sample = new ArrayList<>();
        try (BufferedReader in = reader(file)) {
            String l;
            while (sample.size() < SAMPLE_LINES && (l = in.readLine()) != null) {
                sample.add(l);
            }
        }
        LogFormat format = detect(sample);
        if (format == POSTGRES_STDERR && prefix != null) {
            QueryLogReader r = new PostgresStderrReader(reader(file), prefix);
            r.format = format;
            return r;
        }
        return format.open(reader(file));
    }

    public QueryLogReader open(BufferedReader in) {
        QueryLogReader r = reader.apply(in);
        r.format = this;
        return r;
    }

    private static BufferedReader reader(Path file) throws IOException {
        Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
        return new BufferedReader(r, 1 << 16);
    }
}

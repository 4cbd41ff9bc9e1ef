package dev.migralint.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A synthetic PostgreSQL stderr log ({@code log_statement = 'all'}, prefix {@code '%m [%p] %q%u@%d '})
 * of a given size, the same for a given size: twenty interleaved sessions of simple and
 * extended-protocol statements with their parameter DETAILs, multi-line statements, connection and
 * checkpoint lines, and one N+1 run (a parent and six lookups) per 10,000 entries, so the rule has
 * something to report without its findings dominating memory.
 *
 * <p>{@code java -cp ... dev.migralint.benchmarks.QueryLogText <megabytes> <file>} writes one.
 */
public final class QueryLogText {
    private static final String[] SIMPLE = {
        "SELECT id, name, email FROM customers WHERE id = %d;",
        "UPDATE products SET stock = stock - 1 WHERE id = %d;",
        "SELECT count(*) FROM orders WHERE status = 'pending' AND customer_id = %d;",
        "INSERT INTO audit_events (kind, ref_id, note) VALUES ('view', %d, 'product page');",
    };
    private static final String[] EXTENDED = {
        "SELECT o.id, o.status, o.placed_at FROM orders o WHERE o.customer_id = $1 ORDER BY o.placed_at DESC LIMIT 20",
        "SELECT p.id, p.sku, p.name, p.price_cents FROM products p WHERE p.id = ANY($1)",
    };

    private QueryLogText() {
    }

    public static void main(String[] args) throws IOException {
        long megabytes = Long.parseLong(args[0]);
        try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            write(w, megabytes << 20);
        }
    }

    /** Writes at least {@code bytes} characters (ASCII) of log to {@code out}. */
    public static void write(Writer out, long bytes) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter b ? b : new BufferedWriter(out, 1 << 16);
        Random random = new Random(42);
        long written = 0;
        long entry = 0;
        long millis = 0;
        // Each session runs the shapes in turn, so one shape never repeats back to back by chance.
        int[] next = new int[20];
        while (written < bytes) {
            entry++;
            millis += 1 + random.nextInt(3);
            int pid = 10_000 + random.nextInt(20);
            String prefix = stamp(millis) + " [" + pid + "] app@shop ";
            StringBuilder sb = new StringBuilder(512);
            if (entry % 10_000 == 0) {
                int customer = random.nextInt(1000);
                sb.append(prefix).append("LOG:  statement: SELECT id FROM orders WHERE customer_id = ")
                        .append(customer).append(" ORDER BY id;\n");
                for (int i = 0; i < 6; i++) {
                    sb.append(prefix).append("LOG:  statement: SELECT product_id, quantity FROM order_items WHERE order_id = ")
                            .append(customer * 10 + i).append(";\n");
                }
            } else if (entry % 997 == 0) {
                sb.append(stamp(millis)).append(" [99] LOG:  checkpoint complete: wrote 42 buffers (0.3%); 0 WAL file(s)"
                        + " added, 0 removed, 0 recycled; write=4.1 s, sync=0.002 s, total=4.2 s\n");
            } else if (entry % 211 == 0) {
                sb.append(prefix).append("LOG:  statement: WITH recent AS (\n")
                        .append("\t    SELECT customer_id, sum(total_cents) AS spent FROM orders\n")
                        .append("\t     WHERE placed_at > now() - interval '30 days' GROUP BY customer_id)\n")
                        .append("\tSELECT c.name, r.spent FROM recent r JOIN customers c ON c.id = r.customer_id\n")
                        .append("\t ORDER BY r.spent DESC LIMIT ").append(random.nextInt(50) + 1).append(";\n");
            } else if (next[pid - 10_000] % (SIMPLE.length + EXTENDED.length) >= SIMPLE.length) {
                int k = next[pid - 10_000]++ % (SIMPLE.length + EXTENDED.length) - SIMPLE.length;
                sb.append(prefix).append("LOG:  execute <unnamed>: ").append(EXTENDED[k]).append('\n');
                sb.append(prefix).append("DETAIL:  parameters: $1 = '")
                        .append(k == 0 ? String.valueOf(random.nextInt(1000)) : "{1,2,3," + random.nextInt(99) + "}")
                        .append("'\n");
            } else {
                sb.append(prefix).append("LOG:  statement: ")
                        .append(String.format(SIMPLE[next[pid - 10_000]++ % (SIMPLE.length + EXTENDED.length)],
                                random.nextInt(100_000))).append('\n');
            }
            w.append(sb);
            written += sb.length();
        }
        w.flush();
    }

    private static String stamp(long millis) {
        long s = millis / 1000;
        return String.format("2026-11-22 %02d:%02d:%02d.%03d UTC", (s / 3600) % 24, (s / 60) % 60, s % 60, millis % 1000);
    }
}

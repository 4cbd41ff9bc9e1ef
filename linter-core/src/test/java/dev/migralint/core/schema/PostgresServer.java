package dev.migralint.core.schema;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for tests: initdb in a temporary directory, pg_ctl start on a free
 * loopback port, psql for everything else. initdb refuses to run as root, so as root the server runs
 * as {@code nobody} (through runuser) with the directory handed to it. Public, and shipped in the
 * core's test jar, for the tests of other modules that need a real server (the query-log test).
 */
public final class PostgresServer implements AutoCloseable {
    private static final List<String> BIN_DIRS = List.of(
            "/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin");

    private final Path bin;
    private final Path psql;
    private final Path dir;
    private final int port;
    private final boolean asNobody;

    private PostgresServer(Path bin, Path psql, Path dir, int port, boolean asNobody) {
        this.bin = bin;
        this.psql = psql;
        this.dir = dir;
        this.port = port;
        this.asNobody = asNobody;
    }

    /** The directory holding initdb, pg_ctl and postgres, or empty with the reason in {@code why}. */
    public static Optional<Path> findBinaries(StringBuilder why) {
        List<String> dirs = new ArrayList<>();
        String configured = System.getProperty("migralint.pg.bin");
        if (configured != null) {
            dirs.add(configured);
        }
        dirs.addAll(BIN_DIRS);
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        for (String d : dirs) {
            Path p = Path.of(d);
            if (Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl"))) {
                Path real = p.resolve("initdb");
                try {
                    real = real.toRealPath().getParent(); // /usr/local/bin/initdb may link into the version's bin
                } catch (IOException e) {
                    real = p;
                }
                if (Files.isExecutable(real.resolve("postgres"))) {
                    return Optional.of(real);
                }
            }
        }
        why.append("PostgreSQL binaries (initdb, pg_ctl, postgres) not found in ").append(dirs);
        return Optional.empty();
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    public static PostgresServer start(Path bin) throws IOException, InterruptedException {
        return start(bin, List.of());
    }

    /** A server with {@code settings} ({@code name = value} lines) added to its postgresql.conf. */
    public static PostgresServer start(Path bin, List<String> settings) throws IOException, InterruptedException {
        Path psql = Files.isExecutable(bin.resolve("psql")) ? bin.resolve("psql") : Path.of("/usr/bin/psql");
        boolean asNobody = isRoot();
        Path dir = Files.createTempDirectory("migralint-pg");
        if (asNobody) {
            run(List.of("chown", "nobody", dir.toString()), null, 30);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(bin, psql, dir, port, asNobody);
        server.asServerUser(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"), 120);
        if (!settings.isEmpty()) {
            Files.writeString(dir.resolve("data/postgresql.conf"), "\n" + String.join("\n", settings) + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        }
        server.asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w",
                "-l", dir.resolve("log").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
                "start"), 120);
        return server;
    }

    private String asServerUser(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        return run(full, dir.toFile(), timeoutSeconds);
    }

    /** Runs a command; throws with its output when it fails. */
    private static String run(List<String> command, File cwd, int timeoutSeconds) throws IOException, InterruptedException {
        Result r = exec(command, cwd, null, timeoutSeconds);
        if (r.exit != 0) {
            throw new IOException("command failed (" + r.exit + "): " + command + "\n" + r.output);
        }
        return r.output;
    }

    /** The cluster's data directory (its logs are under it). */
    public Path dataDirectory() {
        return dir.resolve("data");
    }

    public record Result(int exit, String output) {
    }

    private static Result exec(List<String> command, File cwd, String stdin, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (cwd != null) {
            pb.directory(cwd);
        }
        pb.environment().put("PGCONNECT_TIMEOUT", "10");
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + command);
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** psql on {@code database}, stopping at the first error; the script comes on standard input. */
    public Result psql(String database, String script) throws IOException, InterruptedException {
        return exec(List.of(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", "postgres", "-d", database, "-At", "-F", "|"), null, script, 300);
    }

    public void createDatabase(String name) throws IOException, InterruptedException {
        Result r = psql("postgres", "CREATE DATABASE " + name + ";");
        if (r.exit != 0) {
            throw new IOException("CREATE DATABASE failed: " + r.output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), 60);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}

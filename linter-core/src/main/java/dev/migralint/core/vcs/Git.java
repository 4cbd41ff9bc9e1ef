package dev.migralint.core.vcs;

import dev.migralint.core.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the {@code git} executable: migralint reads only what git's plumbing prints, so any git that
 * the user's own tools work with will do, and no git library is needed.
 */
final class Git {
    /** What one git command printed, and its exit code. */
    record Output(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }

        /** git's first line of complaint, for an error message. */
        String firstErrorLine() {
            String e = err.strip();
            int nl = e.indexOf('\n');
            return nl < 0 ? e : e.substring(0, nl).strip();
        }
    }

    private Git() {
    }

    static Output run(Path dir, String... args) {
        List<String> command = new ArrayList<>(args.length + 3);
        command.add("git");
        // -z output is not quoted, but a message may be; keep non-ASCII paths readable everywhere.
        command.add("-c");
        command.add("core.quotepath=false");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        // Never wait for a password prompt, and don't take the index lock just to refresh stat data.
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new InputException("cannot run git (is it installed and on the PATH?): " + e.getMessage());
        }
        try {
            process.getOutputStream().close();
            AtomicReference<String> err = new AtomicReference<>("");
            // Drained on its own thread: a full stderr pipe would otherwise block git while we read stdout.
            Thread errReader = new Thread(() -> err.set(readAll(process.getErrorStream())), "git-stderr");
            errReader.setDaemon(true);
            errReader.start();
            String out = readAll(process.getInputStream());
            int code = process.waitFor();
            errReader.join();
            return new Output(code, out, err.get());
        } catch (IOException e) {
            throw new InputException("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new InputException("interrupted while running git");
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits NUL-terminated output ({@code -z}) into its entries. */
    static List<String> entries(String zOutput) {
        List<String> out = new ArrayList<>();
        for (String s : zOutput.split("\0")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}

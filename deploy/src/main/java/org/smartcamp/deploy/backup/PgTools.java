package org.smartcamp.deploy.backup;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL client tools ({@code pg_dump}, {@code pg_restore}) found in a given directory or on the
 * {@code PATH}, run with the connection in their environment only: every inherited {@code PG*} variable is removed
 * first, so the tools reach exactly the database SmartCamp's configuration names.
 */
public final class PgTools {
    private static final Pattern VERSION = Pattern.compile("\\) (\\d+)(?:\\.(\\d+))?");

    private final Path binDirectory;

    /** Tools in {@code binDirectory}, or on the {@code PATH} when it is {@code null}. */
    public PgTools(Path binDirectory) {
        this.binDirectory = binDirectory;
    }

    /** A finished tool run: its exit code and what it wrote to stderr. */
    record Run(int exit, String stderr) {
    }

    /**
     * The executable of {@code tool}.
     *
     * @throws BackupException when it is not there, saying how to get it
     */
    Path find(String tool) {
        List<Path> candidates = new ArrayList<>();
        if (binDirectory != null) {
            candidates.add(binDirectory.resolve(tool));
        } else {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, tool));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new BackupException(
            tool + " not found " + (binDirectory != null ? "in " + binDirectory : "on the PATH") + ": install the "
                + "PostgreSQL client tools of the server's major version or newer (e.g. apt-get install "
                + "postgresql-client-15) or name their directory with --pg-bin (e.g. /usr/lib/postgresql/15/bin)"));
    }

    /** The major version of {@code tool} ({@code pg_dump --version} prints "pg_dump (PostgreSQL) 15.4"). */
    int majorVersion(String tool) {
        String text = versionText(tool);
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            throw new BackupException(tool + " --version printed '" + text + "', not a PostgreSQL version");
        }
        return Integer.parseInt(m.group(1));
    }

    /** What {@code tool --version} prints, e.g. "pg_dump (PostgreSQL) 15.4". */
    String versionText(String tool) {
        try {
            Process p = new ProcessBuilder(find(tool).toString(), "--version").redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return text;
        } catch (IOException e) {
            throw new BackupException("cannot run " + tool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("interrupted while asking " + tool + " for its version", e);
        }
    }

    /**
     * Starts {@code tool args} with {@code connection}'s variables and password file in its environment, and returns
     * the running process (stdin closed, stdout discarded, stderr kept for {@link #finish}).
     */
    Started start(String tool, PgConnection connection, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(find(tool).toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PG"));
        env.putAll(connection.environment());
        Path passFile = connection.passwordFile();
        if (passFile != null) {
            env.put("PGPASSFILE", passFile.toString());
        }
        Path stderr = Files.createTempFile("smartcamp-" + tool, ".log");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
        Process process = pb.start();
        process.getOutputStream().close();
        return new Started(tool, process, stderr, passFile);
    }

    /** A running tool, with the files to clean up when it ends. */
    record Started(String tool, Process process, Path stderr, Path passFile) {
        /** Waits for the tool to end and returns its exit code and stderr; removes the password file. */
        Run finish() throws InterruptedException {
            try {
                int exit = process.waitFor();
                return new Run(exit, Files.readString(stderr, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                return new Run(process.exitValue(), "(stderr unreadable: " + e.getMessage() + ")");
            } finally {
                process.destroy();
                deleteQuietly(stderr);
                deleteQuietly(passFile);
            }
        }
    }

    /** Runs {@code tool args} to its end. */
    Run run(String tool, PgConnection connection, List<String> args) throws IOException, InterruptedException {
        return start(tool, connection, args).finish();
    }

    /** The first {@code max} lines of a tool's stderr that say what went wrong, joined for a one-line message. */
    static String errors(String stderr, int max) {
        List<String> lines = stderr.lines().filter(l -> l.contains("error:") || l.contains("FATAL")
            || l.contains("ERROR") || l.contains("mismatch")).limit(max).toList();
        return String.join(" / ", lines.isEmpty() ? stderr.lines().limit(max).toList() : lines);
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind; nothing to do about it here
        }
    }
}

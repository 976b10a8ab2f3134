package org.smartcamp.deploy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.smartcamp.ingest.testsupport.TestDatabase;

/** Runs {@code bin/smartcamp} on the packaged jar as a user would, with only the given SMARTCAMP_* variables. */
public final class Launcher {
    private Launcher() {
    }

    /** What a finished command printed and returned. */
    public record Run(int exit, String out, String err) {
        /** The lines of stderr that are the launcher's error line ({@code smartcamp: error: ...}). */
        public List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith("smartcamp: error: ")).toList();
        }
    }

    /** Runs the command to its end (at most 90 s). */
    public static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = process(env, args).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** A process builder for {@code sh bin/smartcamp args} in the deploy module's directory. */
    public static ProcessBuilder process(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", "bin/smartcamp"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("SMARTCAMP_") && !k.startsWith("SMARTCAMP_TEST_"));
        // The jar this build made, never one that bin/smartcamp would build again for a source edited since.
        pb.environment().put("SMARTCAMP_JAR", Path.of("target/smartcamp.jar").toAbsolutePath().toString());
        pb.environment().putAll(env);
        return pb;
    }

    /** The variables that point the launcher at {@code db} (a mutable map, to add more). */
    public static Map<String, String> databaseEnv(TestDatabase db) {
        Map<String, String> env = new HashMap<>();
        env.put("SMARTCAMP_DATABASE_URL", db.url());
        env.put("SMARTCAMP_DATABASE_USER", db.user());
        env.put("SMARTCAMP_DATABASE_PASSWORD", db.password());
        return env;
    }

    /**
     * The variables that point {@code smartcamp demo} at a database of its own (created by the demo) with the ingest's
     * and the analytics' health ports free (a mutable map); the API port stays at its default, which the demo moves
     * to a free one when 8080 is busy.
     */
    public static Map<String, String> demoEnv(String url, String user, String password) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("SMARTCAMP_DATABASE_URL", url);
        env.put("SMARTCAMP_DATABASE_USER", user);
        env.put("SMARTCAMP_DATABASE_PASSWORD", password);
        env.put("SMARTCAMP_INGEST_HTTP_PORT", Integer.toString(freePort()));
        env.put("SMARTCAMP_ANALYTICS_HTTP_PORT", Integer.toString(freePort()));
        return env;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

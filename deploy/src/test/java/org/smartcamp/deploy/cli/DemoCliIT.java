package org.smartcamp.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.testsupport.Launcher;
import org.smartcamp.ingest.testsupport.TestServices;

/**
 * {@code smartcamp demo} started as a new user would: no broker configured (so the embedded one starts), a database
 * that does not exist yet (so the demo creates it), a simulated camp feeding the ingest until readings are stored,
 * then Ctrl-C, after which every part reports it stopped, in reverse order, and the process ends.
 */
class DemoCliIT {
    private static final String DATABASE = "smartcamp_demo_it_" + Long.toString(System.nanoTime(), 36);
    private static String serverUrl;

    @BeforeAll
    static void server() {
        serverUrl = TestServices.jdbcUrl().replaceFirst("/[^/?]*(\\?.*)?$", "/");
    }

    @AfterAll
    static void dropDemoDatabase() throws SQLException {
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void theDemoRunsEverythingUntilCtrlCAndThenStopsInReverseOrder() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SMARTCAMP_DATABASE_URL", serverUrl + DATABASE);
        env.put("SMARTCAMP_DATABASE_USER", TestServices.dbUser());
        env.put("SMARTCAMP_DATABASE_PASSWORD", TestServices.dbPassword());
        env.put("SMARTCAMP_INGEST_HTTP_PORT", Integer.toString(Launcher.freePort()));
        File out = new File("target/demo-it.out");
        File err = new File("target/demo-it.err");
        Process demo = Launcher.process(env, "demo", "--history", "12h", "--broker-port",
            Integer.toString(Launcher.freePort())).redirectOutput(out).redirectError(err).start();
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> readings() > 1_000);
            await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(out.toPath()).contains("SmartCamp demo running"));
        } finally {
            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
            assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("the demo ends after Ctrl-C").isTrue();
        }
        String stdout = Files.readString(out.toPath());
        String stderr = Files.readString(err.toPath());
        assertThat(demo.exitValue()).as("exit code after SIGINT (128 + 2), once everything stopped").isEqualTo(130);
        assertThat(stdout).contains("MQTT broker:   tcp://127.0.0.1:", "(embedded", "health:", "simulated camp: "
            + "small-outpost", "SmartCamp demo stopped");
        assertThat(stderr).contains("Created database '" + DATABASE + "'", "now live")
            .doesNotContain("Exception", "ERROR");
        assertThat(stderr).containsSubsequence("Simulated camp stopped", "Demo: simulated camp stopped",
            "Ingest stopped", "Demo: ingest stopped", "Embedded MQTT broker stopped",
            "Demo: embedded MQTT broker stopped");
    }

    private static long readings() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl + DATABASE, TestServices.dbUser(),
                TestServices.dbPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM readings")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(serverUrl + "postgres", TestServices.dbUser(), TestServices.dbPassword());
    }
}

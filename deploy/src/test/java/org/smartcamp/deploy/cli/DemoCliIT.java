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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.testsupport.DemoOutput;
import org.smartcamp.deploy.testsupport.Http;
import org.smartcamp.deploy.testsupport.Launcher;
import org.smartcamp.ingest.testsupport.TestServices;

/**
 * {@code smartcamp demo} started as a new user would: no broker configured (so the embedded one starts), a database
 * that does not exist yet (so the demo creates it), a simulated camp feeding the ingest until readings are stored,
 * the analytics computing figures that the API serves with the login the demo printed, then Ctrl-C, after which
 * every part reports it stopped, in reverse order, the login is revoked, and the process ends.
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
        Map<String, String> env = Launcher.demoEnv(serverUrl + DATABASE, TestServices.dbUser(),
            TestServices.dbPassword());
        File out = new File("target/demo-it.out");
        File err = new File("target/demo-it.err");
        Process demo = Launcher.process(env, "demo", "--history", "12h", "--broker-port",
            Integer.toString(Launcher.freePort())).redirectOutput(out).redirectError(err).start();
        String figures;
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> readings() > 1_000);
            await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.readString(out.toPath()).contains("SmartCamp demo running"));
            DemoOutput printed = DemoOutput.of(Files.readString(out.toPath()));
            assertThat(Http.get(printed.dashboard(), null).body()).as("the dashboard page").contains("<html");
            assertThat(Http.get(printed.api() + "figures/daily?camp=" + printed.camp(), null).statusCode())
                .as("no credential").isEqualTo(401);
            figures = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(printed::computedFigures, body -> body.contains("\"figure\""));
        } finally {
            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
            assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("the demo ends after Ctrl-C").isTrue();
        }
        String stdout = Files.readString(out.toPath());
        String stderr = Files.readString(err.toPath());
        assertThat(figures).contains("\"coverage\"");
        assertThat(demo.exitValue()).as("exit code after SIGINT (128 + 2), once everything stopped").isEqualTo(130);
        assertThat(stdout).contains("MQTT broker:   tcp://127.0.0.1:", "(embedded", "health:", "simulated camp: "
            + "small-outpost", "analytics:", "dashboard:     http://127.0.0.1:", "login:       sck_",
            "SmartCamp demo stopped");
        assertThat(stderr).contains("Created database '" + DATABASE + "'", "now live")
            .doesNotContain("Exception", "ERROR");
        assertThat(stderr).containsSubsequence("Simulated camp stopped", "Demo: simulated camp stopped",
            "Demo login", "revoked", "Demo: api stopped", "Analytics job stopped", "Demo: analytics stopped",
            "Ingest stopped", "Demo: ingest stopped", "Embedded MQTT broker stopped",
            "Demo: embedded MQTT broker stopped");
        assertThat(demoDb("SELECT count(*) FROM api_keys WHERE revoked_at IS NULL"))
            .as("the demo login no longer works once the demo stopped").isZero();
    }

    private static long demoDb(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl + DATABASE, TestServices.dbUser(),
                TestServices.dbPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long readings() throws SQLException {
        return demoDb("SELECT count(*) FROM readings");
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(serverUrl + "postgres", TestServices.dbUser(), TestServices.dbPassword());
    }
}

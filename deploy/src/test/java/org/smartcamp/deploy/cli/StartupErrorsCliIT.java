package org.smartcamp.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.testsupport.Launcher;
import org.smartcamp.deploy.testsupport.Launcher.Run;
import org.smartcamp.ingest.testsupport.TestDatabase;
import org.smartcamp.ingest.testsupport.TestServices;

/**
 * Structured logs as an option, and one clear line (no stack trace; exit code 1, or 2 for a usage error) when the
 * demo cannot start.
 */
class StartupErrorsCliIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDatabase db;

    @BeforeAll
    static void createSchema() {
        db = TestDatabase.create("cli_logs");
    }

    @AfterAll
    static void dropSchema() {
        db.close();
    }

    @Test
    void jsonLogsAreOneJsonObjectPerLineFromTheEnvironmentOrTheConfigFile() throws Exception {
        Map<String, String> env = env();
        env.put("SMARTCAMP_LOG_FORMAT", "json");
        Path file = Files.createTempFile("smartcamp", ".yaml");
        Files.writeString(file, "log:\n  format: json\n");

        Run fromEnv = Launcher.run(env, "migrate");
        Run fromFile = Launcher.run(env(), "migrate", "--config", file.toString());

        for (Run run : List.of(fromEnv, fromFile)) {
            assertThat(run.exit()).as(run.err()).isZero();
            List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                JsonNode event = JSON.readTree(line);
                assertThat(event.path("level").asText()).isNotEmpty();
                assertThat(event.path("formattedMessage").asText()).as(line).isNotEmpty().doesNotContain("{}");
            }
            assertThat(run.err()).contains("Schema migrated: schema version");
        }
    }

    @Test
    void aBadLogFormatIsOneClearLine() throws Exception {
        Map<String, String> env = env();
        env.put("SMARTCAMP_LOG_FORMAT", "xml");

        Run run = Launcher.run(env, "migrate");

        assertOneErrorLine(run, 2, "log.format (from environment variable SMARTCAMP_LOG_FORMAT) is 'xml'");
    }

    @Test
    void theDemoWithAnUnreachableDatabaseIsOneClearLine() throws Exception {
        Map<String, String> env = env();
        env.put("SMARTCAMP_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/smartcamp");
        env.put("SMARTCAMP_MQTT_URL", TestServices.mqttUrl());

        Run run = Launcher.run(env, "demo");

        assertOneErrorLine(run, 1, "cannot reach the database at jdbc:postgresql://127.0.0.1:1/smartcamp");
    }

    @Test
    void theDemoWithAnUnreachableConfiguredBrokerIsOneClearLine() throws Exception {
        Map<String, String> env = env();
        env.put("SMARTCAMP_MQTT_URL", "tcp://127.0.0.1:1");
        env.put("SMARTCAMP_MQTT_CONNECT_TIMEOUT", "3s");
        env.put("SMARTCAMP_INGEST_HTTP_PORT", "0");

        Run run = Launcher.run(env, "demo", "--history", "1h");

        assertOneErrorLine(run, 1, "cannot reach the MQTT broker at tcp://127.0.0.1:1");
    }

    @Test
    void aBadDemoOptionIsOneClearLine() throws Exception {
        Run run = Launcher.run(env(), "demo", "--history", "forever");

        assertOneErrorLine(run, 2, "demo: ");
    }

    private static void assertOneErrorLine(Run run, int exit, String expected) {
        assertThat(run.exit()).as(run.err()).isEqualTo(exit);
        assertThat(run.errorLines()).as("stderr: %s", run.err()).hasSize(1);
        assertThat(run.errorLines().get(0)).contains(expected);
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static Map<String, String> env() {
        return Launcher.databaseEnv(db);
    }
}

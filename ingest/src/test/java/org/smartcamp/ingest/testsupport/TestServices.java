package org.smartcamp.ingest.testsupport;

import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The broker and database that integration tests run against. Taken from the environment when set
 * (CI and the development machines: {@code SMARTCAMP_TEST_DB_URL}, {@code SMARTCAMP_TEST_DB_USER},
 * {@code SMARTCAMP_TEST_DB_PASSWORD}, {@code SMARTCAMP_TEST_MQTT_URL}); otherwise started once per JVM
 * with Testcontainers (TimescaleDB and Mosquitto images) on machines that have Docker.
 */
public final class TestServices {
    private static final Map<String, String> ENV = System.getenv();
    private static PostgreSQLContainer<?> postgres;
    private static GenericContainer<?> mosquitto;

    private TestServices() {
    }

    /** JDBC URL of a database the tests may create schemas in. */
    public static synchronized String jdbcUrl() {
        String url = ENV.get("SMARTCAMP_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        return postgres().getJdbcUrl();
    }

    public static synchronized String dbUser() {
        if (ENV.containsKey("SMARTCAMP_TEST_DB_URL")) {
            return ENV.getOrDefault("SMARTCAMP_TEST_DB_USER", "postgres");
        }
        return postgres().getUsername();
    }

    public static synchronized String dbPassword() {
        if (ENV.containsKey("SMARTCAMP_TEST_DB_URL")) {
            return ENV.getOrDefault("SMARTCAMP_TEST_DB_PASSWORD", "");
        }
        return postgres().getPassword();
    }

    /** Broker URL for Paho, e.g. {@code tcp://127.0.0.1:1883}. */
    public static synchronized String mqttUrl() {
        String url = ENV.get("SMARTCAMP_TEST_MQTT_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        return "tcp://" + mosquitto().getHost() + ":" + mosquitto().getMappedPort(1883);
    }

    private static PostgreSQLContainer<?> postgres() {
        if (postgres == null) {
            DockerImageName image = DockerImageName.parse("timescale/timescaledb:2.17.2-pg15")
                .asCompatibleSubstituteFor("postgres");
            postgres = new PostgreSQLContainer<>(image);
            postgres.start();
        }
        return postgres;
    }

    private static GenericContainer<?> mosquitto() {
        if (mosquitto == null) {
            mosquitto = new GenericContainer<>(DockerImageName.parse("eclipse-mosquitto:2.0.18"))
                .withCopyFileToContainer(MountableFile.forClasspathResource("test-mosquitto.conf"),
                    "/mosquitto/config/mosquitto.conf")
                .withExposedPorts(1883)
                .waitingFor(Wait.forListeningPort());
            mosquitto.start();
        }
        return mosquitto;
    }
}

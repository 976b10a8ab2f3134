package org.smartcamp.ingest.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The broker and database that integration tests run against, found in this order:
 * <ol>
 *   <li>the environment, when set ({@code SMARTCAMP_TEST_DB_URL}, {@code SMARTCAMP_TEST_DB_USER},
 *       {@code SMARTCAMP_TEST_DB_PASSWORD}, {@code SMARTCAMP_TEST_MQTT_URL});</li>
 *   <li>containers started once per JVM with Testcontainers (TimescaleDB and Mosquitto images), on a machine
 *       with a Docker engine;</li>
 *   <li>the machine's own: the PostgreSQL at {@code jdbc:postgresql://127.0.0.1:5432/smartcamp_test} as user
 *       {@code postgres} (the database is created through {@code postgres} when missing; another with
 *       {@code -Dsmartcamp.test.localDb=URL}), and a {@code mosquitto} started once per JVM on a free port
 *       ({@code -Dsmartcamp.test.mosquitto=PATH} names the executable).</li>
 * </ol>
 * When none of them gives the service, the calling test is skipped (a JUnit assumption, {@link MissingService})
 * with one line saying what is missing, also logged once.
 */
public final class TestServices {
    static final String LOCAL_DB = "jdbc:postgresql://127.0.0.1:5432/smartcamp_test";

    private static final Map<String, String> ENV = System.getenv();
    private static PostgreSQLContainer postgres;
    private static GenericContainer<?> mosquitto;
    private static Boolean docker;
    private static String localDb;
    private static MissingService dbMissing;
    private static String localBroker;
    private static MissingService brokerMissing;

    private TestServices() {
    }

    /** JDBC URL of a database the tests may create schemas in. */
    public static synchronized String jdbcUrl() {
        String url = ENV.get("SMARTCAMP_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        return docker() ? postgres().getJdbcUrl() : localDatabase();
    }

    public static synchronized String dbUser() {
        if (ENV.containsKey("SMARTCAMP_TEST_DB_URL")) {
            return ENV.getOrDefault("SMARTCAMP_TEST_DB_USER", "postgres");
        }
        return docker() ? postgres().getUsername() : "postgres";
    }

    public static synchronized String dbPassword() {
        if (ENV.containsKey("SMARTCAMP_TEST_DB_URL")) {
            return ENV.getOrDefault("SMARTCAMP_TEST_DB_PASSWORD", "");
        }
        return docker() ? postgres().getPassword() : "";
    }

    /** Broker URL for Paho, e.g. {@code tcp://127.0.0.1:1883}. */
    public static synchronized String mqttUrl() {
        String url = ENV.get("SMARTCAMP_TEST_MQTT_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        if (docker()) {
            return "tcp://" + mosquitto().getHost() + ":" + mosquitto().getMappedPort(1883);
        }
        return localBroker();
    }

    /**
     * Whether a Docker engine answers. Testcontainers is asked only where an engine may be (DOCKER_HOST, a
     * socket, a Testcontainers configuration), so that a machine without one does not log its search.
     */
    private static boolean docker() {
        if (docker == null) {
            String home = System.getProperty("user.home");
            boolean configured = ENV.containsKey("DOCKER_HOST") || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker/run/docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"));
            docker = configured && DockerClientFactory.instance().isDockerAvailable();
        }
        return docker;
    }

    /** The machine's PostgreSQL, its test database created when missing. */
    private static String localDatabase() {
        if (dbMissing != null) {
            throw dbMissing;
        }
        if (localDb == null) {
            String url = System.getProperty("smartcamp.test.localDb", LOCAL_DB);
            try {
                createIfMissing(url);
                localDb = url;
            } catch (SQLException e) {
                dbMissing = MissingService.report("no test database: SMARTCAMP_TEST_DB_URL is not set, no Docker"
                    + " engine answers, and the PostgreSQL of " + url + " (user postgres) cannot be reached: "
                    + e.getMessage().lines().findFirst().orElse(""));
                throw dbMissing;
            }
        }
        return localDb;
    }

    private static void createIfMissing(String url) throws SQLException {
        String name = url.replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
        String server = url.replaceFirst("^(jdbc:postgresql://[^/]+/).*$", "$1");
        String timeouts = "?connectTimeout=5&socketTimeout=30";
        try (Connection c = DriverManager.getConnection(server + "postgres" + timeouts, "postgres", "");
             Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''")
                    + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            try {
                s.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
            } catch (SQLException e) {
                // 42P04: another test JVM created it in the meantime
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    /** A Mosquitto of the tests' own, started once per JVM and stopped when it exits. */
    private static String localBroker() {
        if (brokerMissing != null) {
            throw brokerMissing;
        }
        if (localBroker == null) {
            String named = System.getProperty("smartcamp.test.mosquitto");
            Optional<Path> exe = named != null ? Optional.of(Path.of(named)).filter(Files::isExecutable)
                : MosquittoProcess.executable("mosquitto");
            String why = "no test broker: SMARTCAMP_TEST_MQTT_URL is not set, no Docker engine answers, and ";
            if (exe.isEmpty()) {
                brokerMissing = MissingService.report(why + (named != null ? named + " is not an executable"
                    : "mosquitto is not installed (apt-get install mosquitto)"));
                throw brokerMissing;
            }
            try {
                localBroker = startMosquitto(exe.get());
            } catch (IOException e) {
                brokerMissing = MissingService.report(why + exe.get() + " did not start: " + e.getMessage()
                    .lines().findFirst().orElse(""));
                throw brokerMissing;
            }
        }
        return localBroker;
    }

    /**
     * Configured like the tests' broker everywhere: it never drops QoS 1 messages queued for a slow subscriber
     * (Mosquitto's default of 1000 would, and the tests would see it).
     */
    private static String startMosquitto(Path exe) throws IOException {
        Path dir = Files.createTempDirectory("smartcamp-test-mosquitto");
        int port = MosquittoProcess.freePort();
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n", "listener " + port + " 127.0.0.1", "allow_anonymous true",
            "persistence false", "max_queued_messages 0", "log_dest stdout", "log_type error", "log_type warning",
            ""));
        MosquittoProcess broker = MosquittoProcess.start(exe, conf, dir.resolve("mosquitto.log"), port);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-test-mosquitto"));
        return "tcp://127.0.0.1:" + port;
    }

    private static PostgreSQLContainer postgres() {
        if (postgres == null) {
            DockerImageName image = DockerImageName.parse("timescale/timescaledb:2.17.2-pg15")
                .asCompatibleSubstituteFor("postgres");
            postgres = new PostgreSQLContainer(image);
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

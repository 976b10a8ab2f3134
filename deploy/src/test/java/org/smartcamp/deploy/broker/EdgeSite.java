package org.smartcamp.deploy.broker;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.job.AnalyticsJobConfig;
import org.smartcamp.analytics.job.AnalyticsService;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.ApiService;
import org.smartcamp.api.auth.Grant;
import org.smartcamp.api.auth.Role;
import org.smartcamp.deploy.access.ApiKeyIssuer;
import org.smartcamp.ingest.IngestConfig;
import org.smartcamp.ingest.IngestService;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.mqtt.MqttConfig;
import org.smartcamp.ingest.pipeline.BatchConfig;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.SchemaMigrator;
import org.smartcamp.ingest.testsupport.MosquittoProcess;
import org.smartcamp.ingest.testsupport.TestServices;
import org.smartcamp.ingest.wire.TopicAddress;
import org.smartcamp.ingest.wire.WireLimits;
import org.smartcamp.platform.DataSources;

/**
 * One site of the edge topology (docs/edge.md), as a deployment runs it: a Mosquitto with deploy/mosquitto's shipped
 * configuration (plus whatever the site appends: a camp's bridge, headquarters' ACL block for it), a database of its
 * own, and a SmartCamp (ingest, continuous analytics, API) over them. The camp and headquarters are two of these.
 */
final class EdgeSite implements AutoCloseable {
    static final String INGEST_USER = "smartcamp-ingest";

    private final String name;
    private final Path dir;
    private final int gatewayPort;
    private final int internalPort;
    private final String ingestPassword;
    private final String dbUrl;
    private MosquittoProcess broker;
    private HikariDataSource dataSource;
    private IngestService ingest;
    private AnalyticsService analytics;
    private ApiService api;
    private String apiKey;

    private EdgeSite(String name, Path dir, String dbUrl) throws IOException {
        this.name = name;
        this.dir = dir;
        this.dbUrl = dbUrl;
        this.gatewayPort = MosquittoProcess.freePort();
        this.internalPort = MosquittoProcess.freePort();
        this.ingestPassword = new MosquittoPasswordFile(new SecureRandom()).newPassword(24);
    }

    /** A site named {@code name} (the database is the tests' own with {@code _name} appended, made afresh). */
    static EdgeSite create(String name) throws IOException, SQLException {
        String base = TestServices.jdbcUrl();
        String db = base.replaceFirst("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$", "$1$2_" + name + "$3");
        recreateDatabase(db);
        return new EdgeSite(name, Files.createTempDirectory("smartcamp-edge-" + name), db);
    }

    int gatewayPort() {
        return gatewayPort;
    }

    int internalPort() {
        return internalPort;
    }

    String ingestPassword() {
        return ingestPassword;
    }

    Path dir() {
        return dir;
    }

    String dbUrl() {
        return dbUrl;
    }

    /**
     * Writes the broker's files: the shipped configuration with {@code confTail} appended, the shipped ACL with
     * {@code aclTail} appended, the gateways' password file with {@code users} and the services' with the ingest's.
     */
    void configureBroker(String confTail, String aclTail, List<BrokerUser> users) throws IOException {
        Files.writeString(dir.resolve("mosquitto.conf"), ShippedBrokerConfig.adapt(dir, gatewayPort, internalPort)
            + "\n" + confTail);
        Files.writeString(dir.resolve("acl"), Files.readString(ShippedBrokerConfig.dir().resolve("acl")) + "\n"
            + aclTail);
        MosquittoPasswordFile gateways = new MosquittoPasswordFile(new SecureRandom());
        users.forEach(gateways::put);
        Files.writeString(dir.resolve("passwd"), gateways.text());
        MosquittoPasswordFile services = new MosquittoPasswordFile(new SecureRandom());
        services.put(new BrokerUser(INGEST_USER, ingestPassword));
        Files.writeString(dir.resolve("passwd-services"), services.text());
    }

    void startBroker() throws IOException {
        broker = MosquittoProcess.start(dir.resolve("mosquitto.conf"), dir.resolve("mosquitto-" + Instant.now()
            .toEpochMilli() + ".log"), gatewayPort, internalPort);
    }

    /** Stops the broker as a service manager does (SIGTERM: it writes its persistence file and exits). */
    void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    String brokerLog() throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList()) {
                all.append(Files.readString(log));
            }
        }
        return all.toString();
    }

    /** Migrates the database, imports the inventory and starts ingest, analytics (every 2 s) and the API. */
    void startSmartCamp(String inventoryYaml) {
        DatabaseConfig db = new DatabaseConfig(dbUrl, TestServices.dbUser(), TestServices.dbPassword(), 3, null);
        dataSource = DataSources.create(db);
        SchemaMigrator.withRetention(null).migrate(dataSource);
        new InventoryImporter(dataSource).importInventory(InventoryLoader.parse(name + ".yaml", inventoryYaml));
        apiKey = new ApiKeyIssuer(dataSource, dbUrl).create(name + " test", Role.ADMIN, List.of(Grant.ALL),
            List.of(), Instant.now().plus(Duration.ofDays(1)), Instant.now()).secret();
        MqttConfig mqtt = new MqttConfig("tcp://127.0.0.1:" + internalPort, "smartcamp-ingest-" + name, INGEST_USER,
            ingestPassword, TopicAddress.telemetryFilter(null), null, Duration.ofDays(7), 200, Duration.ofSeconds(30),
            Duration.ofSeconds(10));
        ingest = new IngestService(new IngestConfig(db, mqtt, new BatchConfig(500, Duration.ofMillis(50),
            Duration.ofMillis(200)), WireLimits.V1, "127.0.0.1", 0, false), Clock.systemUTC());
        ingest.start();
        analytics = new AnalyticsService(db, pace(), false, Clock.systemUTC());
        analytics.start("127.0.0.1", 0);
        api = new ApiService(ApiConfig.defaults().withListen(new ApiConfig.Listen("127.0.0.1", 0, "127.0.0.1", -1))
            .withCache(new ApiConfig.Cache(0, Duration.ZERO)), dataSource, Clock.systemUTC());
        api.start();
    }

    private static AnalyticsJobConfig pace() {
        return new AnalyticsJobConfig(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ZERO,
            Duration.ofDays(90), Duration.ofSeconds(10));
    }

    /** Stops the continuous analytics and runs one full pass over everything stored, as a settled job would. */
    void settleAnalytics() {
        analytics.stop(Duration.ofSeconds(30));
        analytics = null;
        DatabaseConfig db = new DatabaseConfig(dbUrl, TestServices.dbUser(), TestServices.dbPassword(), 2, null);
        try (AnalyticsService once = new AnalyticsService(db, pace(), false, Clock.systemUTC())) {
            once.open().runOnce();
        }
    }

    String apiUrl() {
        return api.url();
    }

    String apiKey() {
        return apiKey;
    }

    long count(String sql) {
        return rows(sql).isEmpty() ? 0 : Long.parseLong(rows(sql).get(0));
    }

    /** Each row of {@code sql} as its columns joined by '|'. */
    List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    cols.add(rs.getString(i));
                }
                rows.add(String.join("|", cols));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return rows;
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
        if (analytics != null) {
            analytics.stop(Duration.ofSeconds(30));
        }
        if (ingest != null) {
            ingest.stop(Duration.ofSeconds(10));
        }
        if (dataSource != null) {
            dataSource.close();
        }
        stopBroker();
        try {
            dropDatabase(dbUrl);
        } catch (SQLException e) {
            // left for the next run, which drops it first
        }
    }

    private static void recreateDatabase(String url) throws SQLException {
        dropDatabase(url);
        admin(url, "CREATE DATABASE \"" + dbName(url) + "\"");
    }

    private static void dropDatabase(String url) throws SQLException {
        admin(url, "DROP DATABASE IF EXISTS \"" + dbName(url) + "\" WITH (FORCE)");
    }

    private static String dbName(String url) {
        return url.replaceFirst("^jdbc:postgresql://[^/]+/([^?]+).*$", "$1");
    }

    private static void admin(String url, String sql) throws SQLException {
        String server = url.replaceFirst("^(jdbc:postgresql://[^/]+/).*$", "$1") + "postgres";
        try (Connection c = DriverManager.getConnection(server, TestServices.dbUser(), TestServices.dbPassword());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

package org.smartcamp.api.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.smartcamp.analytics.job.AnalyticsJob;
import org.smartcamp.analytics.job.AnalyticsJobConfig;
import org.smartcamp.analytics.job.AnalyticsService;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.ApiService;
import org.smartcamp.api.JwtConfig;
import org.smartcamp.api.auth.ApiKeys;
import org.smartcamp.api.store.ApiKeyRecord;
import org.smartcamp.api.store.ApiKeyStore;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.testsupport.MigratedStore;

/**
 * A migrated schema of its own with the analytics contract tables and the fixture (api-fixture.sql), and an
 * API server on a random port over it, with HS256 JWTs (issuer smartcamp-test, audience smartcamp-api) and
 * API keys. Its clock stands at {@link #NOW}.
 */
public final class ApiTestServer implements AutoCloseable {
    /** The server's clock: just after the fixture's two days. */
    public static final Instant NOW = Instant.parse("2026-03-03T00:00:00Z");

    private final MigratedStore store;
    private final ApiService service;
    private final Http http;

    private ApiTestServer(MigratedStore store, ApiService service) {
        this.store = store;
        this.service = service;
        this.http = new Http("http://127.0.0.1:" + service.port());
    }

    /** With the default limits and a generous rate limit. */
    public static ApiTestServer start(String prefix) {
        return start(prefix, config().withRateLimit(new ApiConfig.RateLimit(1_000, 10_000)));
    }

    /** With this configuration (the listen port is replaced by a free one). */
    public static ApiTestServer start(String prefix, ApiConfig config) {
        MigratedStore store = MigratedStore.create(prefix);
        try {
            run(store, "api-fixture.sql");
            ApiService service = new ApiService(config, store.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
            service.start();
            return new ApiTestServer(store, service);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The test configuration: HS256 with {@link Tokens#SECRET}, issuer and audience checked. */
    public static ApiConfig config() {
        return ApiConfig.defaults().withJwt(new JwtConfig("HS256", Tokens.SECRET, null, null, "smartcamp-test",
            "smartcamp-api", Duration.ofSeconds(5)));
    }

    public Http http() {
        return http;
    }

    public ApiService service() {
        return service;
    }

    public MigratedStore store() {
        return store;
    }

    /** Stores an API key with this role and scope and returns its secret. */
    public String apiKey(String role, List<String> missions, List<String> camps) {
        return apiKey(role, missions, camps, List.of());
    }

    /** Stores an API key with this role, scope and {@code location} grant and returns its secret. */
    public String apiKey(String role, List<String> missions, List<String> camps, List<String> location) {
        String secret = ApiKeys.newSecret();
        ApiKeyRecord key = new ApiKeyRecord(ApiKeys.newId(), "test " + role, role, missions, camps, null, null, null,
            location);
        try (Connection c = store.dataSource().getConnection()) {
            ApiKeyStore.insert(c, key, ApiKeys.hash(secret));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return secret;
    }

    /** Runs SQL in the test schema. */
    public void sql(String sql) {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static void run(MigratedStore store, String resource) {
        try (InputStream in = ApiTestServer.class.getClassLoader().getResourceAsStream(resource);
             Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * One pass of the analytics job (the standard analyzers) over this server's database, then the registry
     * reloaded, as after a deployment's job ran.
     */
    public void analyseOnce() {
        var db = store.db();
        try (AnalyticsService analytics = new AnalyticsService(new DatabaseConfig(db.url(), db.user(), db.password(),
            2, null), new AnalyticsJobConfig(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO,
            Duration.ofDays(90), Duration.ofSeconds(30)), false, Clock.systemUTC())) {
            AnalyticsJob job = analytics.open();
            job.runOnce();
        }
        service().reloadRegistry();
    }

    @Override
    public void close() {
        service.close();
        store.close();
    }
}

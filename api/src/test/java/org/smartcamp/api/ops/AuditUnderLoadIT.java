package org.smartcamp.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.testsupport.ApiTestServer;

/**
 * The audit log loses nothing under load with the database up: concurrent clients read as fast as they can for
 * 30 s, and then every answered request has its entry (as many entries with status 200 as 200 answers) and the
 * dropped counter is 0.
 */
class AuditUnderLoadIT {
    private static final Duration LOAD = Duration.ofSeconds(30);
    private static final int CLIENTS = 16;
    private static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_audit_load", ApiTestServer.config()
            .withRateLimit(new ApiConfig.RateLimit(1e9, Integer.MAX_VALUE)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everySuccessfulRequestOfA30SecondLoadIsAudited() throws Exception {
        String key = server.apiKey("viewer", List.of("unmiss"), List.of());
        URI uri = URI.create("http://127.0.0.1:" + server.service().port() + "/api/v1/camps/juba1");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long end = System.nanoTime() + LOAD.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(uri).header("X-API-Key", key)
                        .timeout(Duration.ofSeconds(30)).build();
                    while (System.nanoTime() < end) {
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        (status == 200 ? ok : other).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ok.get()).as("the load ran").isGreaterThan(1_000);
        assertThat(other.get()).as("every request answered 200").isZero();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(audited()).isEqualTo(ok.get()));
        assertThat(server.service().meterRegistry().get("smartcamp.api.audit.dropped").counter().count()).isZero();
    }

    private static long audited() throws SQLException {
        try (Connection c = server.store().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM api_audit WHERE status = 200 "
                 + "AND path = '/api/v1/camps/juba1'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

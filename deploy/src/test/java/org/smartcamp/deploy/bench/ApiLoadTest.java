package org.smartcamp.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiLoadTest {
    private HttpServer server;
    private URI base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean keyed = "k1".equals(exchange.getRequestHeaders().getFirst("X-API-Key"));
            int status = !keyed ? 401 : exchange.getRequestURI().getPath().equals("/ok") ? 200 : 404;
            byte[] body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void everyRouteIsDrivenWithTheKeyAndEveryLatencyRecorded() throws Exception {
        ApiLoad load = new ApiLoad(base, "k1", List.of(new ApiLoad.Route("a", r -> "/ok?x=" + r.nextInt(9)),
            new ApiLoad.Route("b", r -> "/ok")));

        ApiLoad.Level level = load.run(3, Duration.ofMillis(300));

        assertThat(level.clients()).isEqualTo(3);
        assertThat(level.routes()).extracting(ApiLoad.RouteResult::name).containsExactly("a", "b");
        assertThat(level.routes()).allSatisfy(r -> {
            assertThat(r.requests()).isPositive();
            assertThat(r.failures()).isZero();
            assertThat(r.p50()).isPositive().isLessThanOrEqualTo(r.p95());
            assertThat(r.meanBytes()).isEqualTo(14);
        });
        assertThat(level.all().requests()).isEqualTo(level.routes().get(0).requests()
            + level.routes().get(1).requests());
        level.requireAllOk();
    }

    @Test
    void answersOtherThan200AreCountedPerRouteAndFailTheBench() throws Exception {
        ApiLoad load = new ApiLoad(base, "k1", List.of(new ApiLoad.Route("fine", r -> "/ok"),
            new ApiLoad.Route("gone", r -> "/missing")));

        ApiLoad.Level level = load.run(2, Duration.ofMillis(200));

        assertThat(level.routes().get(0).failures()).isZero();
        assertThat(level.routes().get(1).failures()).isEqualTo(level.routes().get(1).requests()).isPositive();
        assertThat(level.all().failures()).isEqualTo(level.routes().get(1).failures());
        assertThatThrownBy(level::requireAllOk).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("gone: " + level.routes().get(1).failures() + " of")
            .hasMessageContaining("404 /missing").hasMessageNotContaining("fine:");
    }

    @Test
    void aWrongKeyIs401OnEveryRouteAndFailsTheBench() throws Exception {
        ApiLoad load = new ApiLoad(base, "wrong", List.of(new ApiLoad.Route("fine", r -> "/ok")));

        ApiLoad.Level level = load.run(1, Duration.ofMillis(100));

        assertThatThrownBy(level::requireAllOk).hasMessageContaining("401 /ok");
    }
}

package org.smartcamp.platform;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * The operations endpoints of a SmartCamp process: {@code /health/live} (the process runs),
 * {@code /health/ready} (every dependency is usable; 503 otherwise, naming which is not) and
 * {@code /metrics} (Prometheus text format). They carry no data of any camp, so they need no credential;
 * bind them to an internal interface in production.
 */
public final class OpsServer {
    /** The paths {@link #mount} serves. */
    public static final List<String> PATHS = List.of("/health/live", "/health/ready", "/metrics");

    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;
    private final List<HealthCheck> checks;
    private HttpServer server;

    public OpsServer(Vertx vertx, PrometheusMeterRegistry registry, List<HealthCheck> checks) {
        this.vertx = vertx;
        this.registry = registry;
        this.checks = List.copyOf(checks);
    }

    /** Adds the endpoints to an existing router (the API server serves them next to /api/v1). */
    public void mount(Router router) {
        router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(this::ready);
        router.get("/metrics").handler(ctx -> ctx.response()
            .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            .end(registry.scrape()));
    }

    /**
     * Starts a server of its own on {@code host:port} (port 0 picks a free one).
     *
     * @return the port it listens on, or a {@link PortInUseException} naming the host and port it could not bind
     */
    public Future<Integer> listen(String host, int port) {
        Router router = Router.router(vertx);
        mount(router);
        return vertx.createHttpServer().requestHandler(router).listen(port, host)
            .<Integer>map(s -> {
                server = s;
                return s.actualPort();
            })
            .recover(e -> Future.failedFuture(new PortInUseException(host, port, e)));
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void ready(RoutingContext ctx) {
        JsonObject details = new JsonObject();
        boolean up = true;
        for (HealthCheck check : checks) {
            boolean ok = check.check().getAsBoolean();
            details.put(check.name(), ok ? "UP" : "DOWN");
            up &= ok;
        }
        json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", details));
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}

package org.smartcamp.api;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.smartcamp.api.auth.ApiKeyAuthenticator;
import org.smartcamp.api.auth.AuthHandler;
import org.smartcamp.api.auth.JwtAuthenticator;
import org.smartcamp.api.http.AnswerCache;
import org.smartcamp.api.http.ClientAddress;
import org.smartcamp.api.http.Problems;
import org.smartcamp.api.http.RateLimiter;
import org.smartcamp.api.ops.ApiMetrics;
import org.smartcamp.api.ops.MicrometerApiMetrics;
import org.smartcamp.api.ops.RequestObserver;
import org.smartcamp.api.routes.ApiRouter;
import org.smartcamp.api.routes.RouteSupport;
import org.smartcamp.api.store.AnswerGeneration;
import org.smartcamp.api.store.AuditLog;
import org.smartcamp.api.store.Db;
import org.smartcamp.api.store.RegistryCache;
import org.smartcamp.platform.HealthCheck;
import org.smartcamp.platform.Lifecycle;
import org.smartcamp.platform.OpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API process: the HTTP server with every route, the registry snapshot, the audit writer and the management
 * endpoints. {@link #start()} blocks until it listens and fails fast when the database cannot be read;
 * {@link #close()} stops it and writes the audit entries still queued. The data source belongs to the caller.
 */
public final class ApiService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiService.class);
    private static final int AUDIT_CAPACITY = 100_000;
    private static final long AUDIT_ADMISSION_WAIT_MS = 10_000;
    private static final long EVICT_PERIOD_MS = 60_000;
    /** How often the answer generation is read when no notification came. */
    private static final long GENERATION_POLL_MS = 1_000;

    private final ApiConfig config;
    private final DataSource dataSource;
    private final Clock clock;
    private final Lifecycle lifecycle = new Lifecycle("api");
    private final PrometheusMeterRegistry registry = lifecycle.add("meter registry",
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), PrometheusMeterRegistry::close);
    private Vertx vertx;
    private RegistryCache registryCache;
    private AuditLog audit;
    private AnswerCache answerCache;
    private int port = -1;
    private int managementPort = -1;
    private List<String> routes = List.of();
    private List<String> operations = List.of();
    private String publicUrl = "http://localhost:8080";

    public ApiService(ApiConfig config, DataSource dataSource, Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.dataSource = Objects.requireNonNull(dataSource);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Starts serving.
     *
     * @throws org.smartcamp.api.http.ApiException (503) when the registry cannot be read from the database
     * @throws IllegalArgumentException when a JWT key file is unusable
     */
    public void start() {
        try {
            vertx = lifecycle.add("vert.x", Vertx.vertx(), v -> v.close().await());
            bindJvmMetrics();
            ApiMetrics metrics = new MicrometerApiMetrics(registry);
            Db db = new Db(vertx, dataSource);
            registryCache = lifecycle.add("registry cache", new RegistryCache(vertx, db, config.registryRefresh()),
                RegistryCache::stop);
            registryCache.start().await();
            audit = lifecycle.add("audit log", new AuditLog(vertx, db, metrics, AUDIT_CAPACITY,
                AUDIT_ADMISSION_WAIT_MS), AuditLog::close);
            audit.start();
            RequestObserver observer = new RequestObserver(metrics, audit, clock,
                new ClientAddress(config.http().trustedProxies()));
            ApiRouter router = new ApiRouter(vertx, config, new RouteSupport(db, registryCache, config.limits(), clock,
                answers()), auth(db, metrics), observer, ops(vertx), new ApiRouter.Alarms(publicUrl, () -> port));
            routes = router.routes();
            operations = router.operations();
            HttpServer server = lifecycle.add("http server", vertx.createHttpServer(serverOptions())
                .requestHandler(router.router()).invalidRequestHandler(Problems::invalidRequest)
                .listen(config.listen().port(), config.listen().host()).await(), s -> s.close().await());
            port = server.actualPort();
            if (config.listen().managementPort() >= 0) {
                OpsServer management = lifecycle.add("management server", ops(vertx), o -> o.close().await());
                managementPort = management.listen(config.listen().managementHost(), config.listen().managementPort())
                    .await();
            }
            LOG.info("API listening on {}; management on {}", url(), managementPort < 0 ? "the API port"
                : "port " + managementPort);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The answer cache, with the thread that follows the answer generation; null when turned off. */
    private AnswerCache answers() {
        ApiConfig.Cache c = config.cache();
        if (c.maxBytes() == 0) {
            return null;
        }
        AnswerGeneration generation = lifecycle.add("answer generation", new AnswerGeneration(dataSource,
            GENERATION_POLL_MS), AnswerGeneration::close);
        answerCache = new AnswerCache(c.maxBytes(), c.maxAge(), generation::current, generation::changedAt,
            () -> registryCache.current().fingerprint(), clock);
        generation.start(g -> answerCache.clear());
        return answerCache;
    }

    /** The answer cache, or null when turned off (tests and the bench read its counters). */
    public AnswerCache answerCache() {
        return answerCache;
    }

    private AuthHandler auth(Db db, ApiMetrics metrics) {
        ApiConfig.RateLimit limit = config.rateLimit();
        RateLimiter perClient = new RateLimiter(limit.perSecond(), limit.burst(), System::nanoTime);
        RateLimiter failures = new RateLimiter(limit.perSecond(), limit.burst(), System::nanoTime);
        vertx.setPeriodic(EVICT_PERIOD_MS, id -> {
            perClient.evictIdle();
            failures.evictIdle();
        });
        JwtAuthenticator jwt = new JwtAuthenticator(vertx, config.jwt());
        if (jwt.provider() != null) {
            // Read the discovery document now, so a wrong issuer shows in the log at start, not at the first token.
            jwt.provider().metadata()
                .onSuccess(m -> LOG.info("Identity provider {}: keys at {}", m.issuer(), m.jwksUri()))
                .onFailure(e -> LOG.warn("Identity provider {} cannot be read now ({}); bearer tokens are refused "
                    + "until it can be", config.jwt().issuer(), e.getMessage()));
        }
        return new AuthHandler(new ApiKeyAuthenticator(db, clock, config.keyCacheTtl()), jwt, perClient, failures,
            metrics);
    }

    private OpsServer ops(Vertx v) {
        return new OpsServer(v, registry, List.of(new HealthCheck("database", registryCache::healthy)));
    }

    private HttpServerOptions serverOptions() {
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(true);
        if (config.http().tls()) {
            options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(config.http().tlsCert().toString()).setKeyPath(config.http().tlsKey().toString()));
        }
        return options;
    }

    /** The base URL, once started. */
    public String url() {
        return (config.http().tls() ? "https" : "http") + "://" + config.listen().host() + ":" + port;
    }

    /** With this public URL ({@code api.publicUrl}): the links of alarm notifications; no webhook may aim at it. */
    public ApiService publicUrl(String url) {
        this.publicUrl = Objects.requireNonNull(url);
        return this;
    }

    /** Every operation served, as {@code METHOD template}, once started. */
    public List<String> operations() {
        return operations;
    }

    public int port() {
        return port;
    }

    /** The management port, or -1 when none is served. */
    /** The templates of the API's GET routes, once started (the OpenAPI document describes exactly these). */
    public List<String> routes() {
        return routes;
    }

    public int managementPort() {
        return managementPort;
    }

    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    /** Reloads the registry snapshot now (tests, and after an import in the same process). */
    public void reloadRegistry() {
        registryCache.reload().await();
    }

    /** Writes the queued audit entries now. */
    public void flushAudit() {
        audit.flush().await();
    }

    /** Stops serving and writes the audit entries still queued: what {@link #start} started, in reverse order. */
    @Override
    public void close() {
        lifecycle.close();
    }

    private void bindJvmMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }
}

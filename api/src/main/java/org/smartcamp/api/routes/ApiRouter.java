package org.smartcamp.api.routes;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.smartcamp.analytics.alarm.AlarmLifecycle;
import org.smartcamp.analytics.alarm.AlarmMetrics;
import org.smartcamp.analytics.alarm.RuleParser;
import org.smartcamp.analytics.alarm.SelfAddress;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.auth.AuthHandler;
import org.smartcamp.api.auth.Role;
import org.smartcamp.api.http.Problems;
import org.smartcamp.api.http.SecurityHeaders;
import org.smartcamp.api.ops.RequestObserver;
import org.smartcamp.platform.OpsServer;

/**
 * The whole HTTP surface on one router, in the order requests meet it: observation (metrics, audit), security
 * headers, CORS, health (open) and /metrics (admin), the /api/v1 routes (credential, rate limit, scope), the API
 * description and pages, then problem documents for everything that fails or matches nothing.
 */
public final class ApiRouter {
    private final Router router;
    private final JsonObject openApi;
    private final List<String> routes;
    private final List<String> operations;

    /** With the default alarm settings. */
    public ApiRouter(Vertx vertx, ApiConfig config, RouteSupport support, AuthHandler auth, RequestObserver observer,
                     OpsServer ops) {
        this(vertx, config, support, auth, observer, ops, Alarms.DEFAULT);
    }

    /**
     * The alarm settings of the routes.
     *
     * @param publicUrl the API's public URL ({@code api.publicUrl}), for notification links and to refuse webhooks
     *                  aimed at the API itself
     * @param port      the port the API listens on, once it does
     */
    public record Alarms(String publicUrl, IntSupplier port) {
        /** Links to http://localhost:8080. */
        public static final Alarms DEFAULT = new Alarms("http://localhost:8080", () -> -1);
    }

    /**
     * @param ops    the health and metrics endpoints to mount (health open, metrics for admins)
     * @param alarms the public URL and port the alarm routes need
     */
    public ApiRouter(Vertx vertx, ApiConfig config, RouteSupport support, AuthHandler auth, RequestObserver observer,
                     OpsServer ops, Alarms alarms) {
        router = Router.router(vertx);
        router.route().handler(observer);
        router.route().handler(new SecurityHeaders(SignInRoutes.pageCsp(config.http().pageCsp(), config.jwt()),
            config.http().tls()));
        if (!config.http().corsOrigins().isEmpty()) {
            router.route().handler(cors(config.http()));
        }
        router.get("/metrics").handler(auth).handler(ctx -> {
            if (AuthHandler.require(ctx, Role.ADMIN, "the metrics")) {
                ctx.next();
            }
        });
        ops.mount(router);
        Endpoints endpoints = new Endpoints(router, observer::admit, auth);
        new RegistryRoutes(support).mount(endpoints);
        new ReadingsRoutes(support).mount(endpoints);
        new FigureRoutes(support).mount(endpoints);
        new ReconciliationRoutes(support).mount(endpoints);
        new SummaryRoutes(support).mount(endpoints);
        new EventRoutes(support).mount(endpoints);
        new DataQualityRoutes(support).mount(endpoints);
        new AuditRoutes(support).mount(endpoints);
        new CatalogueRoutes(support).mount(endpoints);
        new AlarmRoutes(support, new AlarmLifecycle(alarms.publicUrl(), AlarmMetrics.NONE)).mount(endpoints);
        new RuleRoutes(support, () -> new RuleParser(new SelfAddress(config.listen().host(), alarms.port().getAsInt(),
            alarms.publicUrl()))).mount(endpoints);
        new ReportRoutes(support).mount(endpoints);
        new I18nRoutes().mount(router);
        new SignInRoutes(config.jwt(), auth.provider()).mount(router);
        DocsRoutes docs = new DocsRoutes();
        docs.mount(endpoints);
        openApi = docs.document();
        routes = Stream.concat(OpsServer.PATHS.stream(), endpoints.templates().stream()).toList();
        operations = Stream.concat(OpsServer.PATHS.stream().map(p -> "GET " + p), endpoints.operations().stream())
            .toList();
        Handler<RoutingContext> problems = Problems::handle;
        router.route().failureHandler(problems);
        Problems.install(router);
    }

    private static CorsHandler cors(ApiConfig.HttpPolicy http) {
        CorsHandler cors = CorsHandler.create();
        if (!http.corsOrigins().contains("*")) {
            cors.addOrigins(http.corsOrigins());
        }
        return cors.allowedMethods(Set.of(HttpMethod.GET, HttpMethod.OPTIONS))
            .allowedHeaders(Set.of("Authorization", "X-API-Key", "Accept", "Content-Type"))
            .exposedHeaders(Set.of("Link", "Retry-After", "Content-Disposition"));
    }

    public Router router() {
        return router;
    }

    /** The templates of the API's GET routes (what the OpenAPI document must describe). */
    public List<String> routes() {
        return routes;
    }

    /** Every operation of the API as {@code METHOD template} (what the OpenAPI document must describe). */
    public List<String> operations() {
        return operations;
    }

    /** The OpenAPI document served at /api/v1/openapi.json. */
    public JsonObject openApi() {
        return openApi;
    }
}

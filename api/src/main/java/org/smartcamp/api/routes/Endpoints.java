package org.smartcamp.api.routes;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.smartcamp.api.ops.RequestObserver;

/**
 * Registers the API's routes: each GET route is tagged with its template (for metrics and the audit log) and
 * guarded by the authentication handler (health, the API page and the dashboard's files are mounted elsewhere).
 * Path templates use {@code {name}} like the OpenAPI document.
 */
public final class Endpoints {

    private final Router router;
    private final Handler<RoutingContext> admission;
    private final Handler<RoutingContext> auth;
    private final java.util.List<String> templates = new java.util.ArrayList<>();

    /**
     * @param admission runs first on every route, holding a slot in the audit log for the request's entry
     */
    public Endpoints(Router router, Handler<RoutingContext> admission, Handler<RoutingContext> auth) {
        this.router = router;
        this.admission = admission;
        this.auth = auth;
    }

    /** A GET route that needs a credential. */
    public void get(String template, Handler<RoutingContext> handler) {
        templates.add(template);
        router.get(vertxPath(template)).handler(tag(template)).handler(admission).handler(auth).handler(handler);
    }

    /** A GET route that needs a credential, with {@code cache} (the answer cache's handler) before it. */
    public void get(String template, Handler<RoutingContext> cache, Handler<RoutingContext> handler) {
        templates.add(template);
        router.get(vertxPath(template)).handler(tag(template)).handler(admission).handler(auth).handler(cache)
            .handler(handler);
    }

    /** The templates of every GET route registered here, in order. */
    public java.util.List<String> templates() {
        return java.util.List.copyOf(templates);
    }

    public Router router() {
        return router;
    }

    private static Handler<RoutingContext> tag(String template) {
        return ctx -> {
            ctx.put(RequestObserver.ROUTE, template);
            ctx.put(RequestObserver.AUDITED, true);
            ctx.next();
        };
    }

    /** {@code /camps/{id}} to Vert.x's {@code /camps/:id}. */
    static String vertxPath(String template) {
        return template.replaceAll("\\{([a-zA-Z]+)}", ":$1");
    }
}

package org.smartcamp.api.routes;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.smartcamp.api.ops.RequestObserver;

/**
 * Registers routes: each GET route is tagged with its template (for metrics) and, unless it is public, guarded
 * by the authentication handler. Path templates use {@code {name}} like the OpenAPI document.
 */
public final class Endpoints {

    private final Router router;
    private final Handler<RoutingContext> auth;

    public Endpoints(Router router, Handler<RoutingContext> auth) {
        this.router = router;
        this.auth = auth;
    }

    /** A GET route that needs a credential. */
    public void get(String template, Handler<RoutingContext> handler) {
        router.get(vertxPath(template)).handler(tag(template, true)).handler(auth).handler(handler);
    }

    /** A GET route open to anyone (health, the API description and its page). */
    public void open(String template, Handler<RoutingContext> handler) {
        router.get(vertxPath(template)).handler(tag(template, false)).handler(handler);
    }

    public Router router() {
        return router;
    }

    private static Handler<RoutingContext> tag(String template, boolean audited) {
        return ctx -> {
            ctx.put(RequestObserver.ROUTE, template);
            ctx.put(RequestObserver.AUDITED, audited);
            ctx.next();
        };
    }

    /** {@code /camps/{id}} to Vert.x's {@code /camps/:id}. */
    static String vertxPath(String template) {
        return template.replaceAll("\\{([a-zA-Z]+)}", ":$1");
    }
}

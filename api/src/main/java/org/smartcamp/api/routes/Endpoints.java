package org.smartcamp.api.routes;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
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
    /** The largest request body a write route reads. */
    public static final int MAX_BODY = org.smartcamp.api.http.JsonBody.MAX_BYTES;

    private final java.util.List<String> templates = new java.util.ArrayList<>();
    private final java.util.List<String> operations = new java.util.ArrayList<>();

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

    /**
     * A route of another method ({@code POST}, {@code PUT}, {@code DELETE}) that needs a credential, with its JSON
     * body read up to {@code MAX_BODY} bytes (a larger one is 413).
     */
    public void write(HttpMethod method, String template, Handler<RoutingContext> handler) {
        operations.add(method.name() + " " + template);
        // Vert.x reads the body before any other handler of the route; the limit keeps that cheap
        router.route(method, vertxPath(template)).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
            .handler(tag(template)).handler(admission).handler(auth).handler(handler);
    }

    /** Every operation registered here as {@code METHOD template}, GET routes first. */
    public java.util.List<String> operations() {
        java.util.List<String> out = new java.util.ArrayList<>();
        templates.forEach(t -> out.add("GET " + t));
        out.addAll(operations);
        return out;
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

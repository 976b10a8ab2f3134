package org.smartcamp.api.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response: no sniffing, no framing, no referrer; API answers get
 * {@code Content-Security-Policy: default-src 'none'} and {@code Cache-Control: no-store}, pages the configured
 * policy; HSTS when the server itself speaks TLS.
 */
public final class SecurityHeaders implements Handler<RoutingContext> {
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private final String pageCsp;
    private final boolean tls;

    public SecurityHeaders(String pageCsp, boolean tls) {
        this.pageCsp = pageCsp;
        this.tls = tls;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerResponse r = ctx.response();
        String path = ctx.normalizedPath();
        boolean page = "/".equals(path) || path.startsWith("/api/docs") || !path.startsWith("/api/")
            && !path.startsWith("/health") && !path.startsWith("/metrics");
        r.putHeader("X-Content-Type-Options", "nosniff")
            .putHeader("X-Frame-Options", "DENY")
            .putHeader("Referrer-Policy", "no-referrer")
            .putHeader("Content-Security-Policy", page ? pageCsp : API_CSP);
        if (!page) {
            r.putHeader("Cache-Control", "no-store");
        }
        if (tls) {
            r.putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        ctx.next();
    }
}

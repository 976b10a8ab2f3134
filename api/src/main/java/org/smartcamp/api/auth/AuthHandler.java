package org.smartcamp.api.auth;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.api.http.ClientAddress;
import org.smartcamp.api.http.RateLimiter;
import org.smartcamp.api.ops.ApiMetrics;

/**
 * Requires a credential on every route it guards: an API key in {@code X-API-Key}, or a JWT in
 * {@code Authorization: Bearer}. Then applies the caller's rate limit. Failed attempts are rate limited per
 * client address (see {@link ClientAddress}), so guessing keys or tokens is slow: once an address has spent its
 * failures, a failed attempt from it is answered 429 instead of 401. The failure limit is applied only after
 * authentication failed, so a valid credential is always served (subject to its own rate limit), however many
 * failures its address made.
 */
public final class AuthHandler implements Handler<RoutingContext> {
    private static final String BEARER = "Bearer ";

    private final ApiKeyAuthenticator apiKeys;
    private final JwtAuthenticator jwt;
    private final RateLimiter perClient;
    private final RateLimiter failures;
    private final ApiMetrics metrics;

    public AuthHandler(ApiKeyAuthenticator apiKeys, JwtAuthenticator jwt, RateLimiter perClient,
                       RateLimiter failures, ApiMetrics metrics) {
        this.apiKeys = apiKeys;
        this.jwt = jwt;
        this.perClient = perClient;
        this.failures = failures;
        this.metrics = metrics;
    }

    /** The identity provider bearer tokens' keys are fetched from, or null. */
    public IdentityProvider provider() {
        return jwt.provider();
    }

    @Override
    public void handle(RoutingContext ctx) {
        authenticate(ctx)
            .onSuccess(p -> admit(ctx, p))
            .onFailure(e -> refuse(ctx, e));
    }

    private void refuse(RoutingContext ctx, Throwable e) {
        if (e instanceof ApiException a && a.status() == 401) {
            metrics.authFailed();
            long wait = failures.tryAcquire(ClientAddress.of(ctx));
            if (wait > 0) {
                metrics.rateLimited();
                ctx.fail(ApiException.tooManyRequests(wait));
                return;
            }
        }
        ctx.fail(e);
    }

    private Future<Principal> authenticate(RoutingContext ctx) {
        String key = ctx.request().getHeader("X-API-Key");
        String authorization = ctx.request().getHeader("Authorization");
        if (key != null && authorization != null) {
            return Future.failedFuture(ApiException.unauthorized("send one credential: an API key or a bearer "
                + "token, not both"));
        }
        if (key != null) {
            return apiKeys.authenticate(key.trim());
        }
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return jwt.authenticate(authorization.substring(BEARER.length()).trim());
        }
        return Future.failedFuture(ApiException.unauthorized("this route needs a credential: a bearer token "
            + "(Authorization: Bearer <JWT>) or an API key (X-API-Key: <key>)"));
    }

    private void admit(RoutingContext ctx, Principal p) {
        p.attach(ctx);
        long wait = perClient.tryAcquire(p.id());
        if (wait > 0) {
            metrics.rateLimited();
            ctx.fail(ApiException.tooManyRequests(wait));
            return;
        }
        ctx.next();
    }

    /**
     * Fails the request with 403 unless the caller's role includes {@code role}.
     *
     * @return whether the request may go on
     */
    public static boolean require(RoutingContext ctx, Role role, String what) {
        Principal p = Principal.of(ctx);
        if (p != null && p.role().includes(role)) {
            return true;
        }
        ctx.fail(ApiException.forbidden(what + " needs the " + role.id() + " role"));
        return false;
    }
}

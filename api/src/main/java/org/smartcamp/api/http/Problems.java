package org.smartcamp.api.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.smartcamp.api.i18n.Messages;
import org.smartcamp.api.i18n.ProblemText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error the API answers is an RFC 9457 problem document ({@code application/problem+json}): failures
 * carrying an {@link ApiException}, unknown routes (404), wrong methods (405), requests the HTTP decoder refuses
 * (414, 431, 400) and anything unexpected (500, logged with its stack trace but never shown). Title and detail are
 * in the language the request's {@code Accept-Language} asks for, when SmartCamp speaks it ({@link ProblemText}),
 * and the answer says which in {@code Content-Language}.
 */
public final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);
    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** Realm announced in WWW-Authenticate. */
    static final String CHALLENGE = "Bearer realm=\"smartcamp\", ApiKey realm=\"smartcamp\" header=\"X-API-Key\"";
    private static final ProblemText TEXT = ProblemText.load();

    private Problems() {
    }

    /** Installs the error handlers on {@code router}. */
    public static void install(Router router) {
        router.errorHandler(404, ctx -> handle(ctx));
        router.errorHandler(405, ctx -> handle(ctx));
        router.errorHandler(500, ctx -> handle(ctx));
    }

    /** The failure handler for every route. */
    public static void handle(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException e) {
            send(ctx, e);
        } else if (ctx.statusCode() == 404) {
            send(ctx, 404, "Not found", "no such route: " + ctx.request().method() + " " + ctx.request().path());
        } else if (ctx.statusCode() == 405) {
            send(ctx, 405, "Method not allowed", ctx.request().method() + " is not allowed on "
                + ctx.request().path());
        } else if (ctx.statusCode() == 413) {
            send(ctx, 413, "Payload too large", "the body is larger than " + JsonBody.MAX_BYTES + " bytes");
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            send(ctx, ctx.statusCode(), "Bad request", "the request cannot be served");
        } else {
            LOG.error("Request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
            send(ctx, 500, "Internal server error", "the server failed to answer; the error is logged");
        }
    }

    /**
     * Answers a request the HTTP decoder refused before any route saw it (request line longer than the limit:
     * 414; headers too large: 431; anything else malformed: 400) with a problem document, then closes the
     * connection as Vert.x's default handler does. The refused URI is not echoed.
     */
    public static void invalidRequest(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status;
        String title;
        String detail;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            title = "URI too long";
            detail = "the request line is longer than the server accepts; send fewer or shorter parameters";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            title = "Request header fields too large";
            detail = "the request headers are larger than the server accepts";
        } else {
            status = 400;
            title = "Bad request";
            detail = "the request is not valid HTTP";
        }
        String lang = Messages.negotiate(request.getHeader("Accept-Language"));
        JsonObject body = new JsonObject().put("type", "about:blank").put("title", TEXT.title(lang, title))
            .put("status", status).put("detail", TEXT.detail(lang, detail));
        request.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
            .putHeader("Content-Language", lang)
            .putHeader("X-Content-Type-Options", "nosniff").putHeader("Cache-Control", "no-store")
            .putHeader("Connection", "close").end(body.encode())
            .onComplete(ar -> request.connection().close());
    }

    static void send(RoutingContext ctx, ApiException e) {
        HttpServerResponse response = ctx.response();
        if (e.status() == 401) {
            response.putHeader("WWW-Authenticate", CHALLENGE);
        }
        if (e.status() == 429) {
            response.putHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        JsonObject body = body(ctx, e.status(), e.title(), e.getMessage());
        if (e.parameter() != null) {
            body.put("parameter", e.parameter());
        }
        if (!e.camps().isEmpty()) {
            body.put("camps", new io.vertx.core.json.JsonArray(e.camps()));
        }
        write(ctx, e.status(), body);
    }

    private static void send(RoutingContext ctx, int status, String title, String detail) {
        write(ctx, status, body(ctx, status, title, detail));
    }

    private static JsonObject body(RoutingContext ctx, int status, String title, String detail) {
        String lang = language(ctx);
        return new JsonObject().put("type", "about:blank").put("title", TEXT.title(lang, title)).put("status", status)
            .put("detail", TEXT.detail(lang, detail)).put("instance", ctx.request().path());
    }

    /** The language of the request's problem documents (Accept-Language; English by default). */
    private static String language(RoutingContext ctx) {
        return Messages.negotiate(ctx.request().getHeader("Accept-Language"));
    }

    private static void write(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", MEDIA_TYPE)
            .putHeader("Content-Language", language(ctx)).putHeader("Vary", "Accept-Language").end(body.encode());
    }
}

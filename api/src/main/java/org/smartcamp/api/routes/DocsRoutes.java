package org.smartcamp.api.routes;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.smartcamp.api.http.Responder;

/**
 * The API's own description: an index at {@code /api/v1/} pointing at the rest, the OpenAPI 3 document (YAML and
 * JSON, its enumerations filled from the catalogue, {@link OpenApiDocument}), the human-readable page at
 * {@code /api/docs/} (Swagger UI from its WebJar, served from the application: no CDN), and the static web root at
 * {@code /} where the dashboard lives. The index and the document need a credential like every route but health;
 * the page and the web root are static files with no data, which sign in from the browser.
 */
final class DocsRoutes {
    /** The OpenAPI document on the class path. */
    static final String OPENAPI = "openapi/smartcamp-api.yaml";
    private static final String SWAGGER_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final String yaml;
    private final String json;

    DocsRoutes() {
        OpenApiDocument document = new OpenApiDocument(resource(OPENAPI));
        this.yaml = document.yaml();
        this.json = document.json();
    }

    /** The OpenAPI document as JSON. */
    JsonObject document() {
        return new JsonObject(json);
    }

    void mount(Endpoints e) {
        e.get("/api/v1/", ctx -> Responder.json(ctx, index()));
        e.get("/api/v1/openapi.json", ctx -> ctx.response().putHeader("Content-Type", "application/json").end(json));
        e.get("/api/v1/openapi.yaml", ctx -> ctx.response().putHeader("Content-Type", "application/yaml").end(yaml));
        Router router = e.router();
        router.get("/api/docs").handler(toDirectory("/api/docs/"));
        router.get("/api/docs/swagger-ui/*").handler(StaticHandler.create("META-INF/resources/webjars/swagger-ui/"
            + swaggerUiVersion()));
        router.get("/api/docs/*").handler(StaticHandler.create("apidocs"));
        router.get("/api/v1").handler(toDirectory("/api/v1/"));
        // Licence texts (vendor/chart.js/LICENSE.md, vendor/leaflet/LICENSE) as text a browser shows: as
        // text/markdown or a file without a type it downloads them.
        router.get("/vendor/*").handler(ctx -> {
            String path = ctx.request().path();
            if (path.endsWith(".md") || path.endsWith("/LICENSE")) {
                ctx.addHeadersEndHandler(v -> ctx.response().headers().set("Content-Type",
                    "text/plain; charset=utf-8"));
            }
            ctx.next();
        });
        router.get("/*").handler(StaticHandler.create("webroot"));
    }

    /**
     * Redirects the bare path of {@code directory} (without its trailing slash) there, once. Vert.x matches a
     * route's path with or without the trailing slash, so the directory itself must pass on, or it would
     * redirect to itself.
     */
    private static Handler<RoutingContext> toDirectory(String directory) {
        return ctx -> {
            if (ctx.request().path().endsWith("/")) {
                ctx.next();
            } else {
                ctx.redirect(directory);
            }
        };
    }

    /** What {@code /api/v1/} answers: where the description, the page and the vocabulary are. */
    private static JsonObject index() {
        return new JsonObject().put("title", "SmartCamp API v1")
            .put("description", "Read access to the telemetry and analytics of field camps.")
            .put("links", new JsonObject()
                .put("page", "/api/docs/")
                .put("openapi", "/api/v1/openapi.json")
                .put("catalogue", "/api/v1/catalogue")
                .put("missions", "/api/v1/missions")
                .put("camps", "/api/v1/camps"));
    }

    static String swaggerUiVersion() {
        Properties p = new Properties();
        try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(SWAGGER_POM)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui WebJar is missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

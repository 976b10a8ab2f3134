package org.smartcamp.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;

/**
 * The OpenAPI document the API serves describes exactly the routes it serves (a route added without its
 * description, or a description left behind by a removed route, fails here), and it needs a credential like
 * every route but health, while the API page's static shell loads without one.
 */
class OpenApiIT {
    private static ApiTestServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_openapi");
        http = server.http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDocumentDescribesExactlyTheRoutesServed() {
        String[] viewer = {"X-API-Key", server.apiKey("viewer", List.of("unmiss"), List.of())};
        JsonObject doc = http.get("/api/v1/openapi.json", viewer).json();
        Set<String> documented = new TreeSet<>();
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            for (String method : paths.getJsonObject(path).fieldNames()) {
                if (!method.equals("parameters")) {
                    documented.add(method.toUpperCase() + " " + path);
                }
            }
        }
        Set<String> served = new TreeSet<>();
        served.addAll(server.service().operations());

        assertThat(served).as("routes served but not in the OpenAPI document").isSubsetOf(documented);
        assertThat(documented).as("routes in the OpenAPI document that are not served").isSubsetOf(served);
        assertThat(served).contains("GET /api/v1/figures/hourly", "GET /api/v1/camps/{id}/fuel",
            "POST /api/v1/alarms/{id}/acknowledge", "DELETE /api/v1/alarm-rules/{id}");
        assertThat(doc.getString("openapi")).startsWith("3.");
    }

    @Test
    void theDocumentNeedsACredentialAndThePageShellDoesNot() {
        assertThat(http.get("/api/v1/openapi.json").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/openapi.yaml").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/openapi.yaml", "X-API-Key",
            server.apiKey("viewer", List.of("unmiss"), List.of())).body()).startsWith("openapi: 3");
        Http.Answer page = http.get("/api/docs/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"signin\"").contains("swagger-ui-bundle.js");
        assertThat(http.get("/api/docs/init.js").body()).contains("requestInterceptor");
    }

    @Test
    void theApiPageAnswersAtItsDirectoryWithAndWithoutTheSlash() {
        Http.Answer slash = http.get("/api/docs/");
        assertThat(slash.status()).as("/api/docs/ (it used to redirect to itself)").isEqualTo(200);
        assertThat(slash.body()).contains("id=\"signin\"").contains("swagger-ui-bundle.js");
        Http.Answer bare = http.get("/api/docs");
        assertThat(bare.status()).as("/api/docs: one redirect").isEqualTo(302);
        assertThat(bare.header("Location")).isEqualTo("/api/docs/");
        Http.Answer api = http.get("/api/v1");
        assertThat(api.status()).as("/api/v1: one redirect to the API's index").isEqualTo(302);
        assertThat(api.header("Location")).isEqualTo("/api/v1/");
    }
}

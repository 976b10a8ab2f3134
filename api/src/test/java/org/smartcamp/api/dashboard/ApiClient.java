package org.smartcamp.api.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Reads the API the way the dashboard does (with an API key), so the test can compare the page with it. */
final class ApiClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    ApiClient(String base, String key) {
        this.base = base;
        this.key = key;
    }

    /** The JSON document at {@code pathAndQuery}; fails on any status but 200. */
    JsonObject get(String pathAndQuery) {
        HttpResponse<String> r = send(pathAndQuery);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return new JsonObject(r.body());
    }

    /** The items of a listing as JSON objects. */
    List<JsonObject> items(String pathAndQuery) {
        JsonArray items = get(pathAndQuery).getJsonArray("items");
        return items.stream().map(JsonObject.class::cast).toList();
    }

    /** The response, whatever its status. */
    HttpResponse<String> send(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10))
            .header("X-API-Key", key).header("Accept", "application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

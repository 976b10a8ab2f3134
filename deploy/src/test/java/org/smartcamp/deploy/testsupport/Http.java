package org.smartcamp.deploy.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET requests to a running SmartCamp API, with an API key, a bearer token or no credential. */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private Http() {
    }

    /** GETs {@code url}, sending {@code apiKey} as {@code X-API-Key} unless it is null. */
    public static HttpResponse<String> get(String url, String apiKey) throws IOException, InterruptedException {
        return send(url, apiKey == null ? null : "X-API-Key", apiKey);
    }

    /** GETs {@code url} with {@code Authorization: Bearer token}. */
    public static HttpResponse<String> bearer(String url, String token) throws IOException, InterruptedException {
        return send(url, "Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(String url, String header, String value)
        throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (header != null) {
            b.header(header, value);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package org.smartcamp.analytics.alarm.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Webhook notifications: a JSON POST of the payload with {@code Idempotency-Key}, {@code X-SmartCamp-Event} and,
 * when the rule names a secret for the URL, {@code X-SmartCamp-Signature} ({@link WebhookSignature}). A 2xx answer
 * delivers; 408, 429, 5xx, a timeout or a refused connection retries; any other answer (4xx, a redirect, which is
 * not followed) fails at once.
 */
public final class WebhookChannel implements Channel {
    public static final String TYPE = "webhook";
    private static final int MAX_BODY_IN_REASON = 120;

    private final HttpClient http;
    private final Duration timeout;
    private final Secrets secrets;
    private final Clock clock;

    /** @param timeout for connecting and, again, for the whole answer */
    public WebhookChannel(Duration timeout, Secrets secrets, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
            .build();
        this.timeout = timeout;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /**
     * Checks a webhook URL as a rule gives it.
     *
     * @throws DeliveryConfigException naming {@code field} when it is not an absolute http(s) URL with a host
     */
    public static URI checkUrl(String field, String url) {
        try {
            URI uri = new URI(url == null ? "" : url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new DeliveryConfigException(field + ": '" + url + "' is not an http:// or https:// URL with "
                    + "a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new DeliveryConfigException(field + ": '" + url + "' is not a URL (" + e.getReason() + ")");
        }
    }

    @Override
    public DeliveryOutcome deliver(Notification n) {
        URI uri;
        try {
            uri = checkUrl("url", n.target());
        } catch (DeliveryConfigException e) {
            return DeliveryOutcome.fail(e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "SmartCamp-Alarms/1")
            .header("Idempotency-Key", n.idempotencyKey())
            .header("X-SmartCamp-Event", n.eventType())
            .POST(HttpRequest.BodyPublishers.ofString(n.body(), StandardCharsets.UTF_8));
        String reference = secretReference(n);
        if (reference != null) {
            Optional<String> secret;
            try {
                secret = secrets.resolve("secret", reference);
            } catch (DeliveryConfigException e) {
                return DeliveryOutcome.fail("webhook " + e.getMessage());
            }
            if (secret.isEmpty()) {
                // Transient: the operator can set the variable and restart before the attempts run out.
                return DeliveryOutcome.retry("webhook secret " + reference + " is not set in the environment of the "
                    + "analytics process");
            }
            request.header(WebhookSignature.HEADER,
                WebhookSignature.header(secret.get(), clock.instant().getEpochSecond(), n.body()));
        }
        return send(request.build(), where(uri));
    }

    private DeliveryOutcome send(HttpRequest request, String where) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return classify(response.statusCode(), response.body(), where);
        } catch (HttpTimeoutException e) {
            return DeliveryOutcome.retry("no answer from " + where + " within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            return DeliveryOutcome.retry("cannot reach " + where + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.retry("interrupted while posting to " + where);
        }
    }

    static DeliveryOutcome classify(int status, String body, String where) {
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.delivered();
        }
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        String reason = "HTTP " + status + " from " + where + (text.isEmpty() ? ""
            : ": " + (text.length() > MAX_BODY_IN_REASON ? text.substring(0, MAX_BODY_IN_REASON) + "…" : text));
        if (status == 408 || status == 429 || status >= 500) {
            return DeliveryOutcome.retry(reason);
        }
        return DeliveryOutcome.fail(reason + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
    }

    /** The URL without its query or user info, which may hold tokens, for reasons and logs. */
    private static String where(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
            + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** The secret reference the rule gives for this URL, or null when it names none. */
    private static String secretReference(Notification n) {
        if (n.channels() == null) {
            return null;
        }
        for (JsonNode c : n.channels()) {
            if (TYPE.equals(c.path("type").asText()) && n.target().equals(c.path("url").asText())
                && c.hasNonNull("secret")) {
                return c.get("secret").asText();
            }
        }
        return null;
    }
}

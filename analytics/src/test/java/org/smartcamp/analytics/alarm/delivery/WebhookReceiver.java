package org.smartcamp.analytics.alarm.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * A real HTTP receiver of webhooks, as an integrator would write one: it verifies each request's signature with the
 * shared secret and records what arrived. Its answer to the n-th request (from 1) is {@code answer(n)}; an answer
 * of 0 holds the request without answering until {@link #release} or {@link #close}.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as received. */
    public record Received(Instant at, String key, String event, String signature, boolean signatureValid,
                           String body) {
    }

    private final HttpServer server;
    private final String secret;
    private final IntUnaryOperator answer;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    public WebhookReceiver(String secret, IntUnaryOperator answer) throws IOException {
        this.secret = secret;
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", this::handle);
        server.start();
    }

    /** Answers 200 to everything. */
    public static WebhookReceiver ok(String secret) throws IOException {
        return new WebhookReceiver(secret, n -> 200);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String signature = exchange.getRequestHeaders().getFirst("X-SmartCamp-Signature");
        boolean valid = secret != null && WebhookSignature.verify(secret, signature, body,
            Instant.now().getEpochSecond(), 300);
        received.add(new Received(Instant.now(), exchange.getRequestHeaders().getFirst("Idempotency-Key"),
            exchange.getRequestHeaders().getFirst("X-SmartCamp-Event"), signature, valid, body));
        int status = answer.applyAsInt(requests.incrementAndGet());
        if (status == 0) {
            try {
                release.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 503;
        }
        byte[] reply = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(status, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (IOException e) {
            // The sender went away while the request was held: nothing to answer.
            exchange.close();
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The distinct idempotency keys seen. */
    public Set<String> keys() {
        return received.stream().map(Received::key).collect(Collectors.toSet());
    }

    /** Lets held requests go. */
    public void release() {
        release.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}

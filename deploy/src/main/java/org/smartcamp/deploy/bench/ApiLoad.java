package org.smartcamp.deploy.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Drives an HTTP API with N concurrent clients in a closed loop (each client sends its next request as soon as the
 * previous one is answered, taking the routes of the mix in turn) for a fixed time, and records every latency and
 * every answer that is not 200 per route.
 */
final class ApiLoad {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int SAMPLE_CHARS = 300;

    /** A route of the mix: its name in the report, and the path and query of a request (from a client's random). */
    record Route(String name, Function<Random, String> path) {
    }

    /** What one route (or all of them) did at one concurrency level. */
    record RouteResult(String name, int requests, int failures, String failureSample, double p50, double p95,
                       double p99, double max, double meanBytes) {
    }

    /**
     * One concurrency level: per route and overall, and the time measured; {@code mode} names how the API and
     * its clients ran (answer cache off or on, conditional requests or not), {@code notModified} counts the 304
     * answers, {@code heapPeak} the most heap in use in this process while it ran (the API and the clients,
     * garbage not yet collected included) and {@code heapAfterGc} the most heap still in use after a collection
     * (what the process really holds).
     */
    record Level(int clients, Duration elapsed, List<RouteResult> routes, RouteResult all, String mode,
                 int notModified, long heapPeak, long heapAfterGc) {
        Level(int clients, Duration elapsed, List<RouteResult> routes, RouteResult all) {
            this(clients, elapsed, routes, all, "", 0, 0, 0);
        }

        double requestsPerSecond(RouteResult r) {
            return r.requests() / (elapsed.toNanos() / 1e9);
        }

        /**
         * Fails when any request was answered with anything but 200 (or not at all): a bench that measures 401s or
         * 404s measures nothing.
         *
         * @throws IllegalStateException naming each failing route, its count and a sample answer
         */
        void requireAllOk() {
            List<String> bad = routes.stream().filter(r -> r.failures() > 0)
                .map(r -> r.name() + ": " + r.failures() + " of " + r.requests() + " (e.g. " + r.failureSample() + ")")
                .toList();
            if (!bad.isEmpty()) {
                throw new IllegalStateException("API bench: requests not answered 200 at " + clients + " clients: "
                    + String.join("; ", bad));
            }
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final List<Route> routes;

    ApiLoad(URI base, String apiKey, List<Route> routes) {
        this.base = base;
        this.apiKey = apiKey;
        this.routes = List.copyOf(routes);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Runs {@code clients} unconditional clients for {@code duration}. */
    Level run(int clients, Duration duration) throws InterruptedException {
        return run(clients, duration, false, "");
    }

    /**
     * Runs {@code clients} clients for {@code duration}; conditional clients send {@code If-None-Match} with the
     * ETag of their last answer to the same URL, and a 304 counts as answered.
     */
    Level run(int clients, Duration duration, boolean conditional, String mode) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        HeapWatch heap = new HeapWatch();
        heap.start();
        List<Client> all = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Client client = new Client(i, deadline, conditional);
            all.add(client);
            Thread t = new Thread(client, "api-bench-client-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        heap.interrupt();
        heap.join();
        Level l = level(clients, elapsed, all);
        return new Level(l.clients(), l.elapsed(), l.routes(), l.all(), mode,
            all.stream().mapToInt(c -> c.notModified).sum(), heap.peak, heap.afterGc);
    }

    /** Samples the heap in use, and in use after the last collection, every 50 ms. */
    private static final class HeapWatch extends Thread {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        private volatile long peak;
        private volatile long afterGc;

        HeapWatch() {
            super("api-bench-heap");
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                afterGc = Math.max(afterGc, pools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private Level level(int clients, Duration elapsed, List<Client> all) {
        List<RouteResult> results = new ArrayList<>();
        Tally total = new Tally();
        for (Route r : routes) {
            Tally t = new Tally();
            all.forEach(c -> t.add(c.tallies.get(r.name())));
            total.add(t);
            results.add(t.result(r.name()));
        }
        return new Level(clients, elapsed, results, total.result("all routes"));
    }

    /** Latencies, failures and bytes of one route. */
    private static final class Tally {
        final Latencies latencies = new Latencies();
        int failures;
        String failureSample = "";
        long bytes;

        void add(Tally other) {
            latencies.addAll(other.latencies);
            failures += other.failures;
            bytes += other.bytes;
            if (failureSample.isEmpty()) {
                failureSample = other.failureSample;
            }
        }

        RouteResult result(String name) {
            int n = latencies.count();
            return new RouteResult(name, n, failures, failureSample, latencies.percentileMillis(50),
                latencies.percentileMillis(95), latencies.percentileMillis(99), latencies.maxMillis(),
                n == 0 ? 0 : (double) bytes / n);
        }
    }

    /** One client: its own random, its own tallies, the routes in turn from its own starting point. */
    private final class Client implements Runnable {
        final Map<String, Tally> tallies = new LinkedHashMap<>();
        final Map<URI, String> tags = new HashMap<>();
        final Random random;
        final long deadline;
        final boolean conditional;
        int next;
        int notModified;

        Client(int index, long deadline, boolean conditional) {
            this.random = new Random(index * 7919L + 17);
            this.deadline = deadline;
            this.conditional = conditional;
            this.next = index;
            routes.forEach(r -> tallies.put(r.name(), new Tally()));
        }

        @Override
        public void run() {
            while (System.nanoTime() < deadline) {
                Route route = routes.get(next++ % routes.size());
                URI uri = base.resolve(route.path().apply(random));
                HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                    .timeout(REQUEST_TIMEOUT).header("X-API-Key", apiKey).header("Accept", "application/json");
                String tag = conditional ? tags.get(uri) : null;
                if (tag != null) {
                    builder.header("If-None-Match", tag);
                }
                HttpRequest request = builder.GET().build();
                Tally tally = tallies.get(route.name());
                long t0 = System.nanoTime();
                try {
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    tally.latencies.add(System.nanoTime() - t0);
                    tally.bytes += response.body().length;
                    if (conditional && response.statusCode() == 304 && tag != null) {
                        notModified++;
                    } else if (response.statusCode() != 200) {
                        fail(tally, response.statusCode() + " " + request.uri().getRawPath() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
                    } else if (conditional) {
                        response.headers().firstValue("ETag").ifPresent(t -> tags.put(uri, t));
                    }
                } catch (IOException e) {
                    tally.latencies.add(System.nanoTime() - t0);
                    fail(tally, request.uri().getRawPath() + ": " + e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void fail(Tally tally, String sample) {
            tally.failures++;
            if (tally.failureSample.isEmpty()) {
                tally.failureSample = sample.length() > SAMPLE_CHARS ? sample.substring(0, SAMPLE_CHARS) + "..."
                    : sample;
            }
        }
    }
}

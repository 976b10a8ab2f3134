package org.smartcamp.api.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.smartcamp.api.auth.Coverage;
import org.smartcamp.api.auth.Principal;
import org.smartcamp.api.i18n.Messages;
import org.smartcamp.api.store.AnswerGeneration;
import org.smartcamp.api.store.Fingerprint;

/**
 * Serialised answers of the routes that read only what the analytics job writes, kept per caller scope, route,
 * query and representation, and valid as long as the answer generation ({@link AnswerGeneration}) and the
 * registry snapshot do not change. Each answer carries a strong ETag derived from the generation, the registry
 * and the key ({@code If-None-Match} gives 304), {@code Cache-Control: private, max-age=N} where N is what is left
 * of {@code maxAge} since the database last bumped the generation (clients revalidate after that), and is sent
 * gzip- or deflate-encoded when the client accepts it ({@code Vary: Accept-Encoding}; the encoded bytes are kept
 * too). Answers in each language (the negotiated {@code Accept-Language}, {@code Vary} says so) are kept apart.
 * The cache holds at most {@code maxBytes} (least recently used answers go first); 0 turns it off.
 *
 * <p>Answers are the bytes the route wrote (see {@link Responder}): a hit is byte for byte what the route would
 * write now. Requests whose answer also depends on the time they are made (a range without explicit
 * {@code from} and {@code to}) are not cached; what a route's request needs to be cacheable is its predicate.
 */
public final class AnswerCache {
    /** Context key of the capture a cacheable request's route writes its answer to. */
    static final String CAPTURE = "smartcamp.answer.capture";
    private static final long ENTRY_OVERHEAD = 256;

    private final long maxBytes;
    private final Duration maxAge;
    private final LongSupplier generation;
    private final Supplier<Instant> changedAt;
    private final Supplier<String> registry;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final LinkedHashMap<String, Part> parts = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    /**
     * @param generation the current answer generation, or {@link AnswerGeneration#UNKNOWN} (nothing is cached)
     * @param changedAt  when the generation last changed (database clock)
     * @param registry   the fingerprint of the current registry snapshot
     */
    public AnswerCache(long maxBytes, Duration maxAge, LongSupplier generation, Supplier<Instant> changedAt,
                       Supplier<String> registry, Clock clock) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be 0 (off) or positive");
        }
        this.maxBytes = maxBytes;
        this.maxAge = Objects.requireNonNull(maxAge);
        this.generation = Objects.requireNonNull(generation);
        this.changedAt = Objects.requireNonNull(changedAt);
        this.registry = Objects.requireNonNull(registry);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The handler in front of a route whose requests are cacheable when {@code cacheable} says so. */
    public Handler<RoutingContext> route(Predicate<RoutingContext> cacheable) {
        return ctx -> serve(ctx, cacheable);
    }

    /** A request is cacheable when it names both ends of its range. */
    public static boolean explicitRange(RoutingContext ctx) {
        return ctx.queryParams().contains("from") && ctx.queryParams().contains("to");
    }

    /** Drops every answer (the generation changed: none of them can be served again). */
    public synchronized void clear() {
        entries.clear();
        parts.clear();
        bytes = 0;
    }

    /**
     * The generation now, for a route that keeps a part of its answer ({@link #part}), or
     * {@link AnswerGeneration#UNKNOWN} when nothing may be kept.
     */
    public long generation() {
        return maxBytes == 0 ? AnswerGeneration.UNKNOWN : generation.getAsLong();
    }

    /**
     * The part of an answer kept under {@code key} for generation {@code gen}, or null: for a route whose answer
     * mixes analytics figures (kept) with live data (read each time), such as the data-quality route.
     */
    public synchronized Object part(long gen, String key) {
        Part p = gen == AnswerGeneration.UNKNOWN ? null : parts.get(gen + "|" + registry.get() + "|" + key);
        return p == null ? null : p.value;
    }

    /** Keeps {@code value}, of about {@code size} bytes, as the part {@code key} of generation {@code gen}. */
    public synchronized void part(long gen, String key, Object value, long size) {
        if (gen == AnswerGeneration.UNKNOWN || gen != generation.getAsLong() || size > maxBytes / 4) {
            return;
        }
        Part old = parts.put(gen + "|" + registry.get() + "|" + key, new Part(value, size + ENTRY_OVERHEAD));
        bytes += size + ENTRY_OVERHEAD - (old == null ? 0 : old.size);
        evict();
    }

    private record Part(Object value, long size) {
    }

    /** Bytes held now. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Answers held now. */
    public synchronized int size() {
        return entries.size();
    }

    /** Requests answered from the cache so far. */
    public synchronized long hits() {
        return hits;
    }

    /** Cacheable requests the route had to answer so far. */
    public synchronized long misses() {
        return misses;
    }

    private void serve(RoutingContext ctx, Predicate<RoutingContext> cacheable) {
        long gen = generation.getAsLong();
        if (maxBytes == 0 || gen == AnswerGeneration.UNKNOWN || !cacheable.test(ctx)) {
            ctx.put(Responder.LIVE, true);
            ctx.next();
            return;
        }
        String key = key(ctx, gen);
        Encoding encoding = Encoding.of(ctx.request().getHeader("Accept-Encoding"));
        String tag = "\"" + gen + "-" + Fingerprint.of(key) + encoding.tagSuffix + "\"";
        Entry hit = get(key);
        if (hit != null) {
            Coverage.replay(ctx, hit.coverage);
            send(ctx, hit, encoding, tag);
            return;
        }
        ctx.put(CAPTURE, new Capture(this, key, gen, encoding, tag));
        ctx.next();
    }

    /** Who may see it, what was asked and how it is to be represented: everything the answer depends on. */
    private String key(RoutingContext ctx, long gen) {
        Principal p = Principal.of(ctx);
        StringBuilder k = new StringBuilder(256).append(gen).append('|').append(registry.get()).append('|')
            .append(p.role().id()).append('|').append(new java.util.TreeSet<>(p.grant().missions())).append('|')
            .append(new java.util.TreeSet<>(p.grant().camps())).append('|')
            .append(new java.util.TreeSet<>(p.grant().location())).append('|')
            .append(ctx.request().path()).append('?');
        MultiMap q = ctx.queryParams();
        Map<String, List<String>> sorted = new TreeMap<>();
        for (String name : q.names()) {
            sorted.put(name, q.getAll(name));
        }
        sorted.forEach((name, values) -> values.forEach(v -> k.append(name.length()).append(':').append(name)
            .append('=').append(v.length()).append(':').append(v).append('&')));
        String accept = ctx.request().getHeader("Accept");
        return k.append("|accept=").append(accept == null ? "" : accept).append("|lang=")
            .append(Messages.negotiate(ctx.request().getHeader("Accept-Language"))).toString();
    }

    private synchronized Entry get(String key) {
        Entry e = entries.get(key);
        if (e != null) {
            hits++;
        } else {
            misses++;
        }
        return e;
    }

    private synchronized void put(String key, long gen, Entry e) {
        if (gen != generation.getAsLong() || e.size() > maxBytes / 4) {
            return;
        }
        Entry old = entries.put(key, e);
        bytes += e.size() - (old == null ? 0 : old.size());
        evict();
    }

    private synchronized void grew(Entry e, long delta) {
        if (entries.containsValue(e)) {
            bytes += delta;
            evict();
        }
    }

    private void evict() {
        Iterator<Part> p = parts.values().iterator();
        while (bytes > maxBytes && p.hasNext()) {
            bytes -= p.next().size();
            p.remove();
        }
        Iterator<Entry> it = entries.values().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= it.next().size();
            it.remove();
        }
    }

    /** Sends {@code e}: 304 when the client holds this tag, else the answer in {@code encoding}. */
    private void send(RoutingContext ctx, Entry e, Encoding encoding, String tag) {
        HttpServerResponse r = ctx.response();
        ctx.put(Responder.ROWS, e.rows);
        if (e.export) {
            ctx.put(Responder.EXPORT, true);
        }
        e.headers.forEach(h -> r.putHeader(h.getKey(), h.getValue()));
        r.putHeader("ETag", tag).putHeader("Cache-Control", "private, max-age=" + maxAgeLeft());
        r.headers().add("Vary", "Accept-Encoding").add("Vary", "Accept-Language");
        if (matches(ctx.request().getHeader("If-None-Match"), tag)) {
            r.setStatusCode(304).end();
            return;
        }
        r.putHeader("Content-Type", e.contentType);
        if (encoding == Encoding.IDENTITY) {
            r.end(Buffer.buffer(e.identity));
            return;
        }
        r.putHeader("Content-Encoding", encoding.token).end(Buffer.buffer(e.encoded(this, encoding)));
    }

    private long maxAgeLeft() {
        long left = maxAge.minus(Duration.between(changedAt.get(), clock.instant())).toSeconds();
        return Math.max(0, Math.min(left, maxAge.toSeconds()));
    }

    /** Whether an If-None-Match header names {@code tag} (weak comparison, as RFC 9110 asks for GET) or is *. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String t : ifNoneMatch.split(",")) {
            String s = t.trim();
            if (s.startsWith("W/")) {
                s = s.substring(2);
            }
            if (s.equals(tag) || s.equals("*")) {
                return true;
            }
        }
        return false;
    }

    /** Where a cacheable request's route writes its answer (see {@link Responder}). */
    static final class Capture {
        private final AnswerCache cache;
        private final String key;
        private final long gen;
        private final Encoding encoding;
        private final String tag;

        Capture(AnswerCache cache, String key, long gen, Encoding encoding, String tag) {
            this.cache = cache;
            this.key = key;
            this.gen = gen;
            this.encoding = encoding;
            this.tag = tag;
        }

        /** Keeps the answer and sends it as a hit would be sent. */
        void finish(RoutingContext ctx, String contentType, List<Map.Entry<String, String>> headers, String body) {
            Integer rows = ctx.get(Responder.ROWS);
            Coverage covered = Coverage.peek(ctx);
            Entry e = new Entry(contentType, List.copyOf(headers), body.getBytes(StandardCharsets.UTF_8),
                rows == null ? 0 : rows, Boolean.TRUE.equals(ctx.get(Responder.EXPORT)),
                covered == null ? new Coverage() : covered, key.length() * 2L);
            cache.put(key, gen, e);
            cache.send(ctx, e, encoding, tag);
        }
    }

    /** One serialised answer, with its encodings made on first use. */
    private static final class Entry {
        final String contentType;
        final List<Map.Entry<String, String>> headers;
        final byte[] identity;
        final int rows;
        final boolean export;
        final Coverage coverage;
        private final long keyBytes;
        private byte[] gzip;
        private byte[] deflate;

        Entry(String contentType, List<Map.Entry<String, String>> headers, byte[] identity, int rows,
              boolean export, Coverage coverage, long keyBytes) {
            this.contentType = contentType;
            this.headers = headers;
            this.identity = identity;
            this.rows = rows;
            this.export = export;
            this.coverage = coverage;
            this.keyBytes = keyBytes;
        }

        synchronized long size() {
            return ENTRY_OVERHEAD + keyBytes + identity.length + (gzip == null ? 0 : gzip.length)
                + (deflate == null ? 0 : deflate.length);
        }

        byte[] encoded(AnswerCache cache, Encoding encoding) {
            byte[] made;
            synchronized (this) {
                byte[] have = encoding == Encoding.GZIP ? gzip : deflate;
                if (have != null) {
                    return have;
                }
                made = encoding.encode(identity);
                if (encoding == Encoding.GZIP) {
                    gzip = made;
                } else {
                    deflate = made;
                }
            }
            cache.grew(this, made.length);
            return made;
        }
    }

    /** The content codings served: gzip, deflate (zlib, RFC 1950) or none. */
    enum Encoding {
        GZIP("gzip", "-gzip"), DEFLATE("deflate", "-deflate"), IDENTITY("identity", "");

        final String token;
        final String tagSuffix;

        Encoding(String token, String tagSuffix) {
            this.token = token;
            this.tagSuffix = tagSuffix;
        }

        /** gzip when accepted, else deflate when accepted, else none ({@code q=0} refuses a coding). */
        static Encoding of(String acceptEncoding) {
            if (acceptEncoding == null) {
                return IDENTITY;
            }
            List<String> accepted = new ArrayList<>();
            for (String part : acceptEncoding.split(",")) {
                String[] bits = part.trim().split(";");
                String coding = bits[0].trim().toLowerCase(java.util.Locale.ROOT);
                boolean refused = false;
                for (int i = 1; i < bits.length; i++) {
                    String b = bits[i].trim().replace(" ", "");
                    if (b.startsWith("q=") && b.substring(2).matches("0(\\.0{0,3})?")) {
                        refused = true;
                    }
                }
                if (!refused) {
                    accepted.add(coding);
                }
            }
            if (accepted.contains("gzip") || accepted.contains("x-gzip")) {
                return GZIP;
            }
            return accepted.contains("deflate") ? DEFLATE : IDENTITY;
        }

        byte[] encode(byte[] plain) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, plain.length / 6));
            try (var z = this == GZIP ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
                z.write(plain);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}

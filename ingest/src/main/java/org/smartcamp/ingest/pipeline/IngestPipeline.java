package org.smartcamp.ingest.pipeline;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.smartcamp.ingest.mqtt.InboundMessage;
import org.smartcamp.ingest.store.DeadLetter;
import org.smartcamp.ingest.store.FailureClass;
import org.smartcamp.ingest.store.ReceivedMessage;
import org.smartcamp.ingest.store.TelemetryStore;
import org.smartcamp.ingest.store.WriteResult;
import org.smartcamp.ingest.wire.DecodedMessage;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.RejectedReading;
import org.smartcamp.ingest.wire.SmartCampFormat;
import org.smartcamp.ingest.wire.TelemetryDecoder;
import org.smartcamp.ingest.wire.WireFormatException;
import org.smartcamp.ingest.wire.WireFormats;
import org.smartcamp.ingest.wire.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * decode -> validate -> batch -> commit -> acknowledge, on one Vert.x context. Messages are decoded by the
 * {@link org.smartcamp.ingest.wire.WireFormat} that handles their topic; one that decodes to nothing (a control
 * message, a repeat) is acknowledged with its batch. Messages are batched by count
 * and time. Batches are made ready ({@link TelemetryStore#prepare}: ids resolved, rows encoded) on a worker thread,
 * then written on others: up to {@link BatchConfig#writers} batches at once have their transaction open and their
 * readings written ({@link TelemetryStore#open}; only batches the store says cannot wait on each other's rows),
 * and they are finished and committed one at a time, in arrival order ({@link TelemetryStore.Open#finish}), so
 * that the database works on one batch while the next is written and the ingest decodes the one after. A message
 * is acknowledged only after the batch holding it is committed, and acknowledgements go out in arrival order. A
 * failed commit is retried with backoff (a batch opened after it is abandoned and written again) and
 * nothing is acknowledged meanwhile, so the broker stops sending once {@code receiveMaximum} messages are
 * unacknowledged: memory stays bounded and the backlog waits at the broker. A message the database refuses is
 * isolated by the store and does not block the others; when nothing is committed for
 * {@link BatchConfig#stuckAfter} while messages wait (the database is down, or a failure the store cannot
 * isolate), the pipeline reports itself {@linkplain #stuck() stuck}.
 */
public final class IngestPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final Context context;
    private final WireFormats formats;
    private final TelemetryStore store;
    private final BatchConfig config;
    private final IngestMetrics metrics;
    private final Predicate<InboundMessage> acknowledger;
    private final Clock clock;
    private final Deque<PendingBatch> sealed = new ArrayDeque<>();
    private final AtomicInteger unacknowledged = new AtomicInteger();
    /** When messages last made progress: the last commit, or the arrival that ended an idle spell. */
    private final AtomicReference<Instant> progressAt;
    private final List<Promise<Void>> drainWaiters = new ArrayList<>();
    private PendingBatch current = new PendingBatch();
    private long timerId = -1;
    /** A batch is being made ready on a worker. */
    private boolean preparing;
    /** A failed write waits for its backoff: nothing starts meanwhile. */
    private boolean retrying;
    /** Counts failures: a preparation that started before the last failure is not used. */
    private long generation;
    private Duration backoff;

    /**
     * A pipeline for wire contract v1 only ({@link SmartCampFormat}).
     *
     * @param acknowledger sends the acknowledgement of a committed message (returns whether it could)
     */
    public IngestPipeline(Vertx vertx, TelemetryDecoder decoder, TelemetryStore store, BatchConfig config,
                          IngestMetrics metrics, Predicate<InboundMessage> acknowledger, Clock clock) {
        this(vertx, WireFormats.of(new SmartCampFormat(decoder)), store, config, metrics, acknowledger, clock);
    }

    /**
     * @param formats      the formats messages are decoded with, chosen by topic
     * @param acknowledger sends the acknowledgement of a committed message (returns whether it could)
     */
    public IngestPipeline(Vertx vertx, WireFormats formats, TelemetryStore store, BatchConfig config,
                          IngestMetrics metrics, Predicate<InboundMessage> acknowledger, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx);
        this.context = vertx.getOrCreateContext();
        this.formats = Objects.requireNonNull(formats);
        this.store = Objects.requireNonNull(store);
        this.config = Objects.requireNonNull(config);
        this.metrics = Objects.requireNonNull(metrics);
        this.acknowledger = Objects.requireNonNull(acknowledger);
        this.clock = Objects.requireNonNull(clock);
        this.backoff = config.retryBackoff();
        this.progressAt = new AtomicReference<>(clock.instant());
        metrics.registerQueueDepth(unacknowledged::get);
        metrics.registerStalled(() -> stalledFor().toMillis() / 1000.0);
    }

    /** Takes a message from any thread; it is processed on the pipeline's context. */
    public void offer(InboundMessage message) {
        if (unacknowledged.incrementAndGet() == 1) {
            progressAt.set(clock.instant());
        }
        context.runOnContext(v -> accept(message));
    }

    /** Messages received and not yet acknowledged. */
    public int unacknowledged() {
        return unacknowledged.get();
    }

    /** How long messages have waited with no commit; zero while none waits. Thread-safe. */
    public Duration stalledFor() {
        if (unacknowledged.get() == 0) {
            return Duration.ZERO;
        }
        Duration stalled = Duration.between(progressAt.get(), clock.instant());
        return stalled.isNegative() ? Duration.ZERO : stalled;
    }

    /**
     * Whether the ingest is stuck: messages have waited {@link BatchConfig#stuckAfter} or longer with no commit.
     * Readiness reports it, so that a stuck ingest is an alert and not a silent UP. Thread-safe.
     */
    public boolean stuck() {
        return stalledFor().compareTo(config.stuckAfter()) >= 0;
    }

    /**
     * Commits what has arrived so far and completes when every batch is committed (or when {@code timeout}
     * passes; what is left unacknowledged is redelivered by the broker later).
     */
    public Future<Void> drain(Duration timeout) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            seal();
            if (sealed.isEmpty()) {
                done.tryComplete();
                return;
            }
            drainWaiters.add(done);
            vertx.setTimer(timeout.toMillis(), id -> done.tryComplete());
        });
        return done.future();
    }

    private void accept(InboundMessage message) {
        metrics.messageReceived(message.size());
        ReceivedMessage received = null;
        List<DeadLetter> rejected = new ArrayList<>();
        try {
            if (message.truncated()) {
                // Cut by the source before it took memory: dead-lettered as its first bytes and its size.
                throw new WireFormatException(RejectReason.PAYLOAD_TOO_LARGE, "payload of " + message.size()
                    + " bytes exceeds the limit; its first " + message.payload().length + " bytes are kept");
            }
            Optional<DecodedMessage> result = formats.decode(new WireMessage(message.topic(), message.payload(),
                message.properties(), message.receivedAt()));
            if (result.isPresent()) {
                DecodedMessage decoded = result.get();
                metrics.readingsReceived(decoded.readings().size() + decoded.rejected().size());
                received = new ReceivedMessage(message.topic(), message.receivedAt(), message.payload(), decoded);
                for (RejectedReading r : decoded.rejected()) {
                    rejected.add(new DeadLetter(message.receivedAt(), message.topic(),
                        r.raw().getBytes(StandardCharsets.UTF_8), r.reason(), r.detail()));
                }
            }
        } catch (WireFormatException e) {
            rejected.add(new DeadLetter(message.receivedAt(), message.topic(), message.payload(), e.reason(),
                e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure decoding a message on {}", message.topic(), e);
            rejected.add(new DeadLetter(message.receivedAt(), message.topic(), message.payload(),
                RejectReason.MALFORMED_JSON, "could not be decoded: " + e));
        }
        if (current.isEmpty()) {
            timerId = vertx.setTimer(config.maxDelay().toMillis(), id -> {
                timerId = -1;
                seal();
            });
        }
        current.add(message, received, rejected);
        if (current.readings() >= config.maxReadings()) {
            seal();
        }
    }

    private void seal() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
        if (!current.isEmpty()) {
            sealed.addLast(current);
            current = new PendingBatch();
        }
        writeNext();
    }

    /**
     * Starts what can start: the finish of the head batch once it is open, the opening of the batches after it
     * (at most {@link BatchConfig#writers} open at once), and the preparation of one of the batches up to there,
     * each on a worker.
     */
    private void writeNext() {
        if (sealed.isEmpty()) {
            drainWaiters.forEach(Promise::tryComplete);
            drainWaiters.clear();
            return;
        }
        if (retrying) {
            return;
        }
        PendingBatch head = sealed.peekFirst();
        if (head.open() != null && !head.finishing()) {
            finish(head);
        }
        openNext();
        // read afresh: what started above may have completed already and started what follows
        PendingBatch next = preparing || retrying ? null : nextToPrepare();
        if (next != null) {
            prepare(next);
        }
    }

    /**
     * Opens the oldest batch not yet opened when it is ready, fewer than {@link BatchConfig#writers} are open and the
     * store lets it open beside each of them.
     */
    private void openNext() {
        List<PendingBatch> started = new ArrayList<>(config.writers());
        for (PendingBatch b : sealed) {
            if (b.started()) {
                started.add(b);
                continue;
            }
            if (retrying || b.prepared() == null || started.size() >= config.writers()) {
                return;
            }
            for (PendingBatch before : started) {
                // one still being opened or finished when a failure made every batch ready again has none: wait
                if (before.prepared() == null || !store.concurrent(before.prepared(), b.prepared())) {
                    return;
                }
            }
            open(b);
            started.add(b);
        }
    }

    /** The first of the oldest batches (one more than may be open) that is neither ready nor started; null if none. */
    private PendingBatch nextToPrepare() {
        Iterator<PendingBatch> it = sealed.iterator();
        for (int i = 0; i <= config.writers() && it.hasNext(); i++) {
            PendingBatch b = it.next();
            if (b.prepared() == null && !b.started()) {
                return b;
            }
        }
        return null;
    }

    private void prepare(PendingBatch batch) {
        preparing = true;
        long started = generation;
        vertx.executeBlocking(() -> store.prepare(batch.toWriteBatch()), false)
            .onSuccess(ready -> {
                preparing = false;
                if (started == generation) {
                    batch.prepared(ready);
                }
                writeNext();
            })
            .onFailure(error -> {
                preparing = false;
                failed(error);
            });
    }

    private void open(PendingBatch batch) {
        long started = generation;
        batch.opening(clock.instant());
        TelemetryStore.Prepared ready = batch.prepared();
        vertx.executeBlocking(() -> store.open(ready), false)
            .onSuccess(open -> {
                if (started == generation) {
                    batch.open(open);
                } else {
                    // a batch before it failed: it is written again after the backoff
                    batch.open(null);
                    abandon(open);
                }
                writeNext();
            })
            .onFailure(error -> {
                batch.open(null);
                failed(error);
            });
    }

    private void finish(PendingBatch batch) {
        batch.finishing(true);
        TelemetryStore.Open open = batch.open();
        vertx.executeBlocking(open::finish, false)
            .onSuccess(result -> committed(batch, result, Duration.between(batch.openedAt(), clock.instant())))
            .onFailure(error -> {
                batch.open(null);
                failed(error);
            });
    }

    private void abandon(TelemetryStore.Open open) {
        vertx.executeBlocking(() -> {
            open.abandon();
            return null;
        }, false).onFailure(error -> LOG.warn("Abandoning an open batch failed: {}", error.getMessage()));
    }

    private void committed(PendingBatch batch, WriteResult result, Duration latency) {
        sealed.pollFirst();
        progressAt.set(clock.instant());
        // counted down before the acknowledgements go out, so the queue depth never shows the broker's next messages
        // on top of those just acknowledged
        unacknowledged.addAndGet(-batch.messages());
        for (InboundMessage m : batch.inbound()) {
            acknowledger.test(m);
        }
        metrics.batchCommitted(result.stored(), result.duplicates(), batch.messages(), latency);
        recordDeadLetters(batch, result);
        backoff = config.retryBackoff();
        batch.open(null);
        writeNext();
    }

    private void recordDeadLetters(PendingBatch batch, WriteResult result) {
        for (RejectReason reason : RejectReason.values()) {
            int n = batch.deadLetters(reason) + result.refused().getOrDefault(reason, 0);
            if (n > 0) {
                metrics.deadLettered(reason, n);
            }
        }
    }

    private void failed(Throwable error) {
        metrics.storeFailed();
        // the store isolates what the database refuses, so what reaches here is retried: a transient failure, or
        // one that even isolation could not get past (it shows as a stall, then readiness DOWN and an alert)
        LOG.warn("Committing a batch failed ({} failure: {}); retrying in {} ms, nothing acknowledged meanwhile",
            FailureClass.of(error).name().toLowerCase(Locale.ROOT), error.getMessage(), backoff.toMillis());
        // every batch is made ready and opened again after the backoff, as it would have been had it not been made
        // ready early; one being finished completes (committed or not) on its own
        generation++;
        for (PendingBatch b : sealed) {
            b.prepared(null);
            if (b.open() != null && !b.finishing()) {
                abandon(b.open());
                b.open(null);
            }
        }
        if (retrying) {
            return;
        }
        retrying = true;
        vertx.setTimer(backoff.toMillis(), id -> {
            retrying = false;
            writeNext();
        });
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }
}

package org.smartcamp.analytics.alarm.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the alarm outbox: claims one due pending notification at a time ({@code FOR UPDATE SKIP LOCKED}, so
 * several analytics processes share the work and never send one row concurrently), applies the rule's quiet hours
 * and rate limit, delivers it through its channel and records the outcome in the same transaction. A process that
 * dies after sending and before committing leaves the row pending: it is sent again with the same idempotency key
 * (at least once, never lost).
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration RATE_WINDOW = Duration.ofHours(1);
    /** Rows handled before the outbox gauges are refreshed again while there is a backlog. */
    private static final int ROUND = 100;

    private final DataSource dataSource;
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final DeliveryConfig config;
    private final Backoff backoff;
    private final AlarmDeliveryMetrics metrics;
    private final Clock clock;
    private final OutboxStore store = new OutboxStore();
    private final Object wake = new Object();
    private volatile boolean running;
    private Thread thread;

    public OutboxDispatcher(DataSource dataSource, List<Channel> channels, DeliveryConfig config, Backoff backoff,
                            AlarmDeliveryMetrics metrics, Clock clock) {
        this.dataSource = dataSource;
        channels.forEach(c -> this.channels.put(c.type(), c));
        this.config = config;
        this.backoff = backoff;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Checks every channel's configuration ({@link Channel#check}); throws the first problem found. */
    public OutboxDispatcher check() {
        channels.values().forEach(Channel::check);
        return this;
    }

    /** Starts the dispatcher thread; returns this. */
    public synchronized OutboxDispatcher start() {
        if (thread == null) {
            running = true;
            thread = new Thread(this::loop, "smartcamp-alarm-dispatcher");
            thread.setDaemon(true);
            thread.start();
            LOG.info("Alarm dispatcher delivering {} notifications", String.join(", ", channels.keySet()));
        }
        return this;
    }

    private void loop() {
        while (running) {
            int handled = 0;
            try {
                handled = drain();
                refreshGauges();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Alarm dispatcher: {} (trying again in {})", e.getMessage(), config.pollInterval());
            }
            if (handled == 0) {
                pause(config.pollInterval());
            }
        }
    }

    private void pause(Duration d) {
        synchronized (wake) {
            if (running) {
                try {
                    wake.wait(Math.max(1, d.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    /**
     * Delivers due notifications until none is due (or {@value #ROUND} were handled).
     *
     * @return how many were handled (delivered, retried, failed, deferred or suppressed)
     */
    public int drain() throws SQLException {
        int n = 0;
        while (n < ROUND && processOne()) {
            n++;
        }
        return n;
    }

    /** Handles the next due notification in one transaction; false when none was due. */
    boolean processOne() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Notification> next = store.claimNext(c, clock.instant());
                if (next.isPresent()) {
                    handle(c, next.get());
                }
                c.commit();
                return next.isPresent();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void handle(Connection c, Notification n) throws SQLException {
        Instant now = clock.instant();
        Optional<Instant> quietUntil = quietUntil(n, now);
        if (quietUntil.isPresent()) {
            store.deferred(c, n.id(), quietUntil.get(), "deferred by the quiet hours of rule " + n.ruleName()
                + " until " + quietUntil.get());
            metrics.deferred(n.channel());
            return;
        }
        if (n.ratePerHour() != null) {
            store.lockTarget(c, n);
            long sent = store.deliveredSince(c, n, now.minus(RATE_WINDOW));
            if (sent >= n.ratePerHour()) {
                store.suppressed(c, n.id(), "rate limit of rule " + n.ruleName() + ": " + sent + " notifications "
                    + "already sent to this " + n.channel() + " target in the last hour (rate_per_hour "
                    + n.ratePerHour() + ")");
                metrics.suppressed(n.channel());
                return;
            }
        }
        record(c, n, deliver(n));
    }

    private Optional<Instant> quietUntil(Notification n, Instant now) {
        try {
            return QuietHours.parse(n.quietHours()).flatMap(q -> q.deferUntil(now, n.severity()));
        } catch (DeliveryConfigException e) {
            // A rule the API let through with bad quiet hours: deliver rather than hold alarms back.
            LOG.warn("Rule {}: {}; delivering without quiet hours", n.ruleName(), e.getMessage());
            return Optional.empty();
        }
    }

    private DeliveryOutcome deliver(Notification n) {
        Channel channel = channels.get(n.channel());
        if (channel == null) {
            return DeliveryOutcome.fail(n.channel() + " notifications are not configured on this analytics process"
                + ("email".equals(n.channel()) ? " (alarms.smtp.host is empty)" : ""));
        }
        try {
            return channel.deliver(n);
        } catch (RuntimeException e) {
            return DeliveryOutcome.retry(n.channel() + ": " + e);
        }
    }

    private void record(Connection c, Notification n, DeliveryOutcome outcome) throws SQLException {
        Instant now = clock.instant();
        int attempts = n.attempts() + 1;
        switch (outcome.kind()) {
            case DELIVERED -> {
                store.delivered(c, n.id(), now);
                metrics.sent(n.channel());
                LOG.debug("Delivered {} ({} attempt(s))", n.idempotencyKey(), attempts);
            }
            case FAIL -> markFailed(c, n, outcome.reason());
            default -> {
                Instant next = now.plus(backoff.delay(attempts));
                if (attempts >= config.maxAttempts()) {
                    markFailed(c, n, "gave up after " + attempts + " attempts: " + outcome.reason());
                } else if (Duration.between(n.createdAt(), next).compareTo(config.maxAge()) > 0) {
                    markFailed(c, n, "gave up after " + attempts + " attempts over " + config.maxAge()
                        + ": " + outcome.reason());
                } else {
                    store.retry(c, n.id(), next, outcome.reason());
                    metrics.retried(n.channel());
                    LOG.info("Notification {} attempt {} failed, next at {}: {}", n.idempotencyKey(), attempts, next,
                        outcome.reason());
                }
            }
        }
    }

    private void markFailed(Connection c, Notification n, String reason) throws SQLException {
        store.failed(c, n.id(), reason, true);
        metrics.failed(n.channel());
        LOG.warn("Notification {} to {} of rule {} failed: {}", n.idempotencyKey(), n.channel(), n.ruleName(),
            reason);
    }

    private void refreshGauges() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            OutboxStore.Stats s = store.stats(c, clock.instant());
            metrics.outbox(s.pending(), s.oldestCreated(), s.oldestDue());
        }
    }

    /**
     * Stops after the notification in flight (waiting up to {@code timeout}); one still in flight then is
     * interrupted and stays pending, to be sent again with its key. Closes the channels.
     */
    public void stop(Duration timeout) {
        Thread t;
        synchronized (this) {
            t = thread;
            running = false;
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        if (t != null) {
            try {
                t.join(Math.max(1, timeout.toMillis()));
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        channels.values().forEach(Channel::close);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}

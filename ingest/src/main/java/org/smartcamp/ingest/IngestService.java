package org.smartcamp.ingest;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.smartcamp.ingest.mqtt.MqttTelemetrySource;
import org.smartcamp.platform.HealthCheck;
import org.smartcamp.platform.Lifecycle;
import org.smartcamp.platform.OpsServer;
import org.smartcamp.ingest.pipeline.IngestMetrics;
import org.smartcamp.ingest.pipeline.IngestPipeline;
import org.smartcamp.ingest.pipeline.MicrometerIngestMetrics;
import org.smartcamp.ingest.store.AssetRegistry;
import org.smartcamp.ingest.store.CopyBatchWriter;
import org.smartcamp.platform.DataSources;
import org.smartcamp.ingest.store.RetentionJob;
import org.smartcamp.ingest.store.SparkplugNameStore;
import org.smartcamp.ingest.store.WireSessions;
import org.smartcamp.ingest.wire.Outgoing;
import org.smartcamp.ingest.wire.SmartCampFormat;
import org.smartcamp.ingest.wire.TelemetryDecoder;
import org.smartcamp.ingest.wire.WireFormat;
import org.smartcamp.ingest.wire.WireFormats;
import org.smartcamp.ingest.wire.sparkplug.SparkplugFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ingest process: database pool and (optionally) migrations, the MQTT source, the pipeline that commits
 * and then acknowledges, and the health/metrics endpoints. {@link #start()} fails fast with a specific
 * exception when the database or the broker cannot be reached; {@link #stop} finishes the batch in flight.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /** How stale the ingest's registry cache may get after an inventory import elsewhere. */
    static final Duration REGISTRY_REFRESH = Duration.ofMinutes(1);
    static final Duration RETENTION_PERIOD = Duration.ofHours(1);
    static final Duration SEEN_PRUNE_PERIOD = Duration.ofMinutes(5);

    private final IngestConfig config;
    private final Clock clock;
    private final Lifecycle lifecycle = new Lifecycle("ingest");
    private final PrometheusMeterRegistry registry = lifecycle.add("meter registry",
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), PrometheusMeterRegistry::close);
    private Vertx vertx;
    private HikariDataSource dataSource;
    private MqttTelemetrySource source;
    private IngestPipeline pipeline;
    private int httpPort = -1;
    private List<String> subscriptions = List.of();

    public IngestService(IngestConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Starts consuming. Blocks until connected and subscribed.
     *
     * @throws org.smartcamp.ingest.store.StoreException when the database cannot be reached or migrated
     * @throws org.smartcamp.ingest.mqtt.BrokerUnavailableException when the broker cannot be reached
     * @throws org.smartcamp.platform.PortInUseException when the health and metrics port cannot be bound (checked
     *     before the broker is contacted)
     * @throws HeapBudget.InsufficientHeapException when the messages the broker may send at once cannot fit
     */
    public void start() {
        HeapBudget.check(config.mqtt().receiveMaximum(), config.limits().maxPayloadBytes(),
            Runtime.getRuntime().maxMemory());
        try {
            dataSource = lifecycle.add("database pool", DataSources.open(config.database(), "smartcamp-ingest",
                config.migrateOnStart()));
            vertx = lifecycle.add("vert.x", Vertx.vertx(), v -> v.close().await());
            bindJvmMetrics();
            IngestMetrics metrics = new MicrometerIngestMetrics(registry);
            source = lifecycle.add("mqtt client",
                new MqttTelemetrySource(config.mqtt(), config.limits().maxPayloadBytes(), clock));
            AssetRegistry assets = new AssetRegistry(dataSource, config.registration());
            WireFormats formats = formats();
            pipeline = new IngestPipeline(vertx, formats, new CopyBatchWriter(dataSource, assets), config.batch(),
                metrics, source::acknowledge, clock);
            startHousekeeping(assets);
            metrics.registerBrokerConnected(source::isConnected);
            IngestPipeline running = pipeline;
            // Every local port is bound before the broker is asked for a session: an ingest that cannot serve its
            // health fails without leaving a persistent session (and its queue) behind at the broker.
            List<HealthCheck> checks = List.of(new HealthCheck("broker", source::isConnected),
                new HealthCheck("database", dataSource::isRunning), new HealthCheck("commits", () -> !running.stuck()));
            OpsServer ops = lifecycle.add("health and metrics server", new OpsServer(vertx, registry, checks),
                o -> o.close().await());
            httpPort = ops.listen(config.httpHost(), config.httpPort()).await();
            source.onMessage(pipeline::offer);
            source.start();
            subscriptions = formats.subscriptions().stream().map(WireFormat.Subscription::filter).toList();
            LOG.info("Ingest running: {} -> {}; health and metrics on http://{}:{}/", subscriptions,
                config.database().url(), config.httpHost(), httpPort);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The topic filters of every payload format this ingest reads, once started. */
    public List<String> subscriptions() {
        return subscriptions;
    }

    /** The port of the health and metrics endpoints, once started. */
    public int httpPort() {
        return httpPort;
    }

    /** The meter registry (for tests and the bench). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Messages received and not yet acknowledged. */
    public int unacknowledged() {
        return pipeline == null ? 0 : pipeline.unacknowledged();
    }

    /**
     * Stops consuming, commits and acknowledges what has arrived (waiting up to {@code timeout}), then
     * disconnects keeping the broker session, so nothing is lost across a restart.
     */
    public void stop(Duration timeout) {
        if (pipeline != null && source != null) {
            source.onMessage(m -> { });
            try {
                pipeline.drain(timeout).await();
            } catch (RuntimeException e) {
                LOG.warn("Draining the pipeline failed: {}", e.getMessage());
            }
        }
        int left = unacknowledged();
        close();
        LOG.info("Ingest stopped; {} message(s) left unacknowledged for the broker to redeliver", left);
    }

    /** Closes what {@link #start} started, in reverse order; idempotent. */
    @Override
    public void close() {
        lifecycle.close();
    }

    /**
     * The formats this ingest speaks, and the subscriptions, will and announcements they ask the source for. A
     * stateful format gets its committed sessions back before the first message arrives.
     */
    private WireFormats formats() {
        List<WireFormat> formats = new ArrayList<>();
        formats.add(new SmartCampFormat(new TelemetryDecoder(config.limits(), clock), config.mqtt().topicFilter()));
        WireFormat will = null;
        if (config.sparkplug().enabled()) {
            SparkplugNameStore names = new SparkplugNameStore(dataSource);
            SparkplugFormat sparkplug = new SparkplugFormat(config.sparkplug(), names.load(), config.limits(), clock,
                source::publish);
            vertx.setPeriodic(REGISTRY_REFRESH.toMillis(), id -> vertx.executeBlocking(names::load)
                .onSuccess(sparkplug::useMapping)
                .onFailure(e -> LOG.warn("Reading the Sparkplug names failed: {}", e.getMessage())));
            WireSessions stored = new WireSessions(dataSource);
            sparkplug.restore(stored.sessions(SparkplugFormat.NAME),
                stored.recentDigests(SparkplugFormat.NAME, config.sparkplug().seenMessages()));
            vertx.setPeriodic(SEEN_PRUNE_PERIOD.toMillis(), id -> vertx.executeBlocking(() -> stored.prune(
                SparkplugFormat.NAME, config.sparkplug().seenMessages())).onFailure(e -> LOG.warn(
                    "Pruning the Sparkplug message digests failed: {}", e.getMessage())));
            formats.add(sparkplug);
            will = sparkplug;
        }
        WireFormats all = new WireFormats(formats);
        List<Outgoing> announce = new ArrayList<>();
        all.all().forEach(f -> announce.addAll(f.onConnected()));
        source.use(all.subscriptions(), will == null ? null : will.will().orElse(null), announce);
        return all;
    }

    /** Sees inventory changes made by other processes, and applies retention (personal metrics' on both engines). */
    private void startHousekeeping(AssetRegistry assets) {
        vertx.setPeriodic(REGISTRY_REFRESH.toMillis(), id -> assets.refresh());
        RetentionJob retention = RetentionJob.of(dataSource, config.database(), clock);
        vertx.setPeriodic(RETENTION_PERIOD.toMillis(), id -> vertx.executeBlocking(retention::run)
            .onSuccess(n -> {
                if (n > 0) {
                    LOG.info("Retention deleted {} readings older than {} (personal metrics' older than {})", n,
                        config.database().retention(), config.database().personalRetention());
                }
            })
            .onFailure(e -> LOG.warn("Retention job failed: {}", e.getMessage())));
    }

    private void bindJvmMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }
}

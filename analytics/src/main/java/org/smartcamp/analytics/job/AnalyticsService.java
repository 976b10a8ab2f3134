package org.smartcamp.analytics.job;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.smartcamp.analytics.alarm.AlarmConfig;
import org.smartcamp.analytics.alarm.AlarmEvaluator;
import org.smartcamp.analytics.alarm.AlarmLifecycle;
import org.smartcamp.analytics.alarm.AlarmMetrics;
import org.smartcamp.analytics.alarm.MicrometerAlarmMetrics;
import org.smartcamp.analytics.alarm.RuleStore;
import org.smartcamp.analytics.alarm.delivery.AlarmDelivery;
import org.smartcamp.analytics.store.ArrivalScanner;
import org.smartcamp.analytics.job.standard.StandardAnalyzers;
import org.smartcamp.analytics.store.AssetCatalog;
import org.smartcamp.analytics.store.DeliveryStore;
import org.smartcamp.analytics.store.EventStore;
import org.smartcamp.analytics.store.FigureStore;
import org.smartcamp.analytics.store.RollupMaintainer;
import org.smartcamp.analytics.store.SeriesReader;
import org.smartcamp.analytics.store.WatermarkPolicy;
import org.smartcamp.analytics.store.Watermarks;
import org.smartcamp.platform.HealthCheck;
import org.smartcamp.platform.Lifecycle;
import org.smartcamp.platform.OpsServer;
import org.smartcamp.platform.DataSources;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.ingest.store.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One analytics process: the database pool (and migrations, when asked), the job with its analyzers, and the
 * platform's health and metrics endpoints ({@link OpsServer}). {@link #start} fails fast with a
 * {@link org.smartcamp.ingest.store.StoreException} when the database cannot be reached.
 */
public final class AnalyticsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsService.class);
    private static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseConfig database;
    private final AnalyticsJobConfig config;
    private final boolean migrate;
    private final List<AssetAnalyzer> assetAnalyzers;
    private final List<CampAnalyzer> campAnalyzers;
    private final Clock clock;
    private final Lifecycle lifecycle = new Lifecycle("analytics");
    private final PrometheusMeterRegistry registry = lifecycle.add("meter registry",
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), PrometheusMeterRegistry::close);
    private HikariDataSource dataSource;
    private AnalyticsJob job;
    private int httpPort = -1;
    private volatile Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
    private Duration reprocess;
    private AlarmConfig alarms = AlarmConfig.DEFAULT;
    private AlarmDelivery alarmDelivery;

    public AnalyticsService(DatabaseConfig database, AnalyticsJobConfig config, boolean migrate,
                            List<AssetAnalyzer> assetAnalyzers, List<CampAnalyzer> campAnalyzers, Clock clock) {
        this.database = database;
        this.config = config;
        this.migrate = migrate;
        this.assetAnalyzers = List.copyOf(assetAnalyzers);
        this.campAnalyzers = List.copyOf(campAnalyzers);
        this.clock = clock;
    }

    /** A service running the {@link StandardAnalyzers}, reconciling refuels with the stored delivery records. */
    public AnalyticsService(DatabaseConfig database, AnalyticsJobConfig config, boolean migrate, Clock clock) {
        this.database = database;
        this.config = config;
        this.migrate = migrate;
        this.assetAnalyzers = StandardAnalyzers.assets();
        this.campAnalyzers = StandardAnalyzers.camps((camp, tanks, from, to) -> {
            if (dataSource == null || dataSource.isClosed()) {
                throw new IllegalStateException("the analytics service is not open");
            }
            return new DeliveryStore(dataSource).deliveries(camp, tanks, from, to);
        });
        this.clock = clock;
    }

    /**
     * Before the first pass, rewinds the watermarks so that readings received in the last {@code period} are
     * processed again (after an incident; see docs/analytics-store.md).
     */
    public AnalyticsService reprocessing(Duration period) {
        this.reprocess = period;
        return this;
    }

    /** With these alarm settings (the configuration file's rules, the public URL of links). */
    public AnalyticsService alarms(AlarmConfig settings) {
        this.alarms = settings;
        return this;
    }

    /**
     * Delivers the alarm outbox while running ({@link #start}, not {@link AnalyticsJob#runOnce}): the dispatcher's
     * channels are checked before the job starts (an unreachable SMTP server fails the start) and it stops before
     * the job on close.
     */
    public AnalyticsService deliveringAlarms(AlarmDelivery delivery) {
        this.alarmDelivery = delivery;
        return this;
    }

    /**
     * Connects (and migrates when asked), checks every camp's and asset's analytics settings, and builds the job
     * without starting it.
     *
     * @throws org.smartcamp.ingest.store.StoreException when the database cannot be reached or migrated
     * @throws org.smartcamp.analytics.power.SettingsException naming the camp or asset and the key of a bad setting
     */
    public AnalyticsJob open() {
        try {
            dataSource = lifecycle.add("database pool", DataSources.open(database, "smartcamp-analytics", migrate));
            AssetCatalog catalog = new AssetCatalog(dataSource);
            new SettingsCheck(assetAnalyzers, campAnalyzers).check(catalog.load());
            AnalyticsMetrics metrics = new MicrometerAnalyticsMetrics(registry, clock);
            AnalysisStage analysis = new AnalysisStage(catalog, new SeriesReader(dataSource),
                new EventStore(dataSource, clock), new FigureStore(dataSource, clock), assetAnalyzers, campAnalyzers);
            RollupMaintainer rollups = new RollupMaintainer(dataSource);
            LOG.info("Rollups are {}", rollups.usesContinuousAggregates()
                ? "TimescaleDB continuous aggregates, refreshed by this job" : "tables kept by this job");
            AnalyticsPass pass = new AnalyticsPass(new ArrivalScanner(dataSource, config.maxLateness()),
                new Watermarks(dataSource), new WatermarkPolicy(config.lag()), rollups, analysis, metrics, clock);
            pass.withAlarms(alarmEvaluator());
            if (reprocess != null) {
                pass.reprocessSince(clock.instant().minus(reprocess));
                LOG.info("Readings received in the last {} will be processed again", reprocess);
            }
            job = lifecycle.add("analytics job", new AnalyticsJob(pass, config, metrics, clock),
                j -> j.stop(stopTimeout));
            return job;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Stores the configuration file's rules and builds the evaluator that ends every analysis. */
    private AlarmEvaluator alarmEvaluator() {
        try (Connection c = dataSource.getConnection()) {
            Transactions.run(c, tx -> RuleStore.syncConfig(tx, alarms.rules(), clock.instant()));
        } catch (SQLException e) {
            throw new StoreException("cannot store the alarm rules of the configuration: " + e.getMessage(), e);
        }
        AlarmMetrics metrics = new MicrometerAlarmMetrics(registry);
        LOG.info("Alarm rules: {} from the configuration", alarms.rules().size());
        return new AlarmEvaluator(dataSource, new AlarmLifecycle(alarms.publicUrl(), metrics), alarms.lookback(),
            metrics);
    }

    /**
     * Opens, starts the alarm dispatcher when {@link #deliveringAlarms} gave one and the job, and serves
     * {@code /health/live}, {@code /health/ready} and {@code /metrics}.
     *
     * @throws org.smartcamp.analytics.alarm.delivery.DeliveryConfigException naming the key of a channel setting
     *                                                                        that cannot work
     */
    public void start(String httpHost, int port) {
        AnalyticsJob opened = open();
        try {
            if (alarmDelivery != null) {
                lifecycle.add("alarm dispatcher", alarmDelivery.dispatcher(dataSource, registry, clock).check().start(),
                    d -> d.stop(stopTimeout));
            }
            opened.start();
            Vertx vertx = lifecycle.add("vert.x", Vertx.vertx(), v -> v.close().await());
            List<HealthCheck> checks = List.of(new HealthCheck("database", dataSource::isRunning),
                new HealthCheck("analytics", job::healthy));
            OpsServer ops = lifecycle.add("health and metrics server", new OpsServer(vertx, registry, checks),
                o -> o.close().await());
            httpPort = ops.listen(httpHost, port).await();
            LOG.info("Analytics running every {} s (analyzers every {} s) on {}; health and metrics on http://{}:{}/",
                config.interval().toSeconds(), config.analysisInterval().toSeconds(), database.url(), httpHost,
                httpPort);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The port of the health and metrics endpoints, once started. */
    public int httpPort() {
        return httpPort;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Stops the job (letting the pass in flight finish, up to {@code timeout}) and releases everything. */
    public void stop(Duration timeout) {
        stopTimeout = timeout;
        close();
    }

    /** Closes what {@link #open} and {@link #start} started, in reverse order; idempotent. */
    @Override
    public void close() {
        lifecycle.close();
    }
}

package org.smartcamp.deploy.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.smartcamp.analytics.job.AnalyticsJobConfig;
import org.smartcamp.analytics.job.AnalyticsService;
import org.smartcamp.analytics.job.PassSummary;
import org.smartcamp.deploy.config.AlarmSettings;
import org.smartcamp.deploy.config.AlarmDeliverySettings;
import org.smartcamp.deploy.config.AnalyticsJobSettings;
import org.smartcamp.deploy.config.ConfigKey;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.deploy.config.Settings;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.platform.ShutdownSignal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smartcamp analytics}: keeps rollups, figures and detected events up to date as readings arrive. */
@Command(name = "analytics", description = "Keep the hourly and daily rollups up to date and run the analyzers "
    + "(data quality, daily figures, detectors) over newly arrived readings, until stopped (Ctrl-C or SIGTERM lets "
    + "the pass in flight finish).")
final class AnalyticsCommand implements Callable<Integer> {
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    @Mixin
    ConfigOption config;

    @Option(names = "--once", description = "Run one pass (rollups, then the analyzers), print what it did, exit.")
    boolean once;

    @Option(names = "--reprocess", paramLabel = "DURATION", description = "Before the first pass, process again "
        + "the readings received in the last DURATION (e.g. 6h), after an incident in which readings committed "
        + "later than analytics.lag allows.")
    String reprocess;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Settings s = config.load();
        DatabaseConfig db = IngestSettings.database(s);
        AnalyticsJobConfig job = AnalyticsJobSettings.job(s);
        AnalyticsService service = AnalyticsJobSettings.service(db, job, s.bool(ConfigKey.DATABASE_MIGRATE_ON_START),
            Clock.systemUTC()).alarms(AlarmSettings.of(s));
        if (reprocess != null) {
            service.reprocessing(Settings.parsePositiveDuration("--reprocess", reprocess));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (once) {
            try (service) {
                PassSummary summary = service.open().runOnce();
                out.println("analytics pass done: " + summary);
            }
            return 0;
        }
        AlarmDeliverySettings.delivery(s, System.getenv(), Clock.systemUTC()).ifPresent(service::deliveringAlarms);
        String host = s.text(ConfigKey.ANALYTICS_HTTP_HOST);
        ShutdownSignal stopped = ShutdownSignal.onShutdown(() -> service.stop(STOP_TIMEOUT));
        service.start(host, s.integer(ConfigKey.ANALYTICS_HTTP_PORT, 0, 65_535));
        out.printf("analytics running: every %s (analyzers every %s) on %s; health on http://%s:%d/health/ready%n",
            s.text(ConfigKey.ANALYTICS_INTERVAL), s.text(ConfigKey.ANALYTICS_ANALYSIS_INTERVAL), db.url(), host,
            service.httpPort());
        out.flush();
        stopped.await();
        return 0;
    }
}

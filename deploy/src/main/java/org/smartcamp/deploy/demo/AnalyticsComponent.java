package org.smartcamp.deploy.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.smartcamp.analytics.job.AnalyticsJobConfig;
import org.smartcamp.analytics.job.AnalyticsService;
import org.smartcamp.deploy.config.AnalyticsJobSettings;
import org.smartcamp.deploy.config.ConfigKey;
import org.smartcamp.deploy.config.Settings;

/**
 * The analytics job as a demo component, with the analyzers of the {@code analytics} command. Unless configured
 * otherwise it runs more often than in production, so that figures appear while the user watches; stopping it lets
 * the pass in flight finish.
 */
final class AnalyticsComponent implements DemoComponent {
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** The demo's pace when analytics.interval and analytics.analysisInterval are left at their defaults. */
    static final Duration DEMO_INTERVAL = Duration.ofSeconds(5);
    static final Duration DEMO_ANALYSIS_INTERVAL = Duration.ofSeconds(20);

    private final AnalyticsService service;
    private final AnalyticsJobConfig job;
    private final String host;
    private final int port;

    AnalyticsComponent(DemoContext context, Clock clock) {
        Settings s = context.settings();
        this.job = demoPace(s, AnalyticsJobSettings.job(s));
        this.host = s.text(ConfigKey.ANALYTICS_HTTP_HOST);
        this.port = s.integer(ConfigKey.ANALYTICS_HTTP_PORT, 0, 65_535);
        // The database step has migrated the schema already.
        this.service = AnalyticsJobSettings.service(context.ingest().database(), job, false, clock);
    }

    /** {@code job} with the demo's shorter intervals where the configuration leaves them at their defaults. */
    static AnalyticsJobConfig demoPace(Settings s, AnalyticsJobConfig job) {
        boolean defaultInterval = "default".equals(s.source(ConfigKey.ANALYTICS_INTERVAL));
        boolean defaultAnalysis = "default".equals(s.source(ConfigKey.ANALYTICS_ANALYSIS_INTERVAL));
        Duration interval = defaultInterval ? DEMO_INTERVAL : job.interval();
        Duration analysis = defaultAnalysis ? DEMO_ANALYSIS_INTERVAL : job.analysisInterval();
        if (analysis.compareTo(interval) < 0) {
            analysis = interval;
        }
        return new AnalyticsJobConfig(interval, analysis, job.lag(), job.maxLateness(), job.maxBackoff());
    }

    @Override
    public String name() {
        return "analytics";
    }

    @Override
    public void start() {
        service.start(host, port);
    }

    @Override
    public void stop() {
        service.stop(STOP_TIMEOUT);
    }

    @Override
    public List<String> describe() {
        return List.of("analytics:     rollups every " + job.interval().toSeconds() + " s, analyzers every "
            + job.analysisInterval().toSeconds() + " s; health http://" + host + ":" + service.httpPort()
            + "/health/ready");
    }
}

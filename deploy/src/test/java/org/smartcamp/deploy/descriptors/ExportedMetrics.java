package org.smartcamp.deploy.descriptors;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smartcamp.analytics.alarm.delivery.MicrometerAlarmDeliveryMetrics;
import org.smartcamp.analytics.job.AnalyticsPass;
import org.smartcamp.analytics.job.MicrometerAnalyticsMetrics;
import org.smartcamp.api.ops.MicrometerApiMetrics;
import org.smartcamp.ingest.pipeline.MicrometerIngestMetrics;
import org.smartcamp.ingest.wire.RejectReason;

/**
 * The Prometheus sample names SmartCamp's processes export: the meters of the ingest, analytics and API metrics
 * classes (each used once, so that meters registered on first use appear too) and the JVM binders the ingest and
 * the API bind, rendered by the same Prometheus registry the processes use. So a dashboard query or an alert rule
 * names a metric that exists, with the suffixes ({@code _total}, {@code _seconds_bucket}, ...) it really has.
 */
final class ExportedMetrics {
    /** A metric name inside a PromQL expression: a run of name characters starting with a known prefix. */
    private static final Pattern NAME_IN_QUERY =
        Pattern.compile("(?<![A-Za-z0-9_:$])((?:smartcamp|jvm|process|system)_[a-z0-9_]+|up)(?![a-z0-9_(])");

    private ExportedMetrics() {
    }

    static Set<String> names() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        MicrometerIngestMetrics ingest = new MicrometerIngestMetrics(registry);
        ingest.registerQueueDepth(() -> 0);
        ingest.registerBrokerConnected(() -> true);
        ingest.registerStalled(() -> 0);
        ingest.messageReceived(100);
        ingest.batchCommitted(1, 0, 1, Duration.ofMillis(5));
        ingest.deadLettered(RejectReason.values()[0], 1);
        MicrometerAnalyticsMetrics analytics = new MicrometerAnalyticsMetrics(registry, Clock.systemUTC());
        analytics.passFinished(Duration.ofMillis(10), true);
        analytics.passFinished(Duration.ofMillis(10), false);
        analytics.watermark(AnalyticsPass.ROLLUPS, Instant.now());
        analytics.watermark(AnalyticsPass.ANALYSIS, Instant.now());
        MicrometerAlarmDeliveryMetrics alarms = new MicrometerAlarmDeliveryMetrics(registry, Clock.systemUTC());
        alarms.outbox(1, Instant.now(), Instant.now());
        MicrometerApiMetrics api = new MicrometerApiMetrics(registry);
        api.request("/api/v1/camps", "GET", 200, 1_000_000);
        api.registerAuditQueue(() -> 0);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Set<String> names = new TreeSet<>();
        for (String line : registry.scrape().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        registry.close();
        return names;
    }

    /** The metric names a PromQL expression reads (Prometheus' own {@code up} included). */
    static Set<String> namesIn(String promql) {
        Set<String> found = new TreeSet<>();
        Matcher m = NAME_IN_QUERY.matcher(promql);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}

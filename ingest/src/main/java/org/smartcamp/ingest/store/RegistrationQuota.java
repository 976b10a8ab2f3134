package org.smartcamp.ingest.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts what telemetry registers, per gateway and per camp in each clock hour (UTC), against the
 * {@link RegistrationPolicy}'s quotas. A fixed window: counters start again at the top of the hour, so a sender
 * can reach twice a quota across an hour's edge, never more. Thread-safe.
 */
final class RegistrationQuota {
    private final RegistrationPolicy policy;
    private final Map<String, Counts> byGateway = new HashMap<>();
    private final Map<String, Counts> byCamp = new HashMap<>();
    private long hour = Long.MIN_VALUE;

    RegistrationQuota(RegistrationPolicy policy) {
        this.policy = policy;
    }

    /**
     * Counts a message that would register {@code metrics} new metric names and {@code assets} new assets, if
     * that keeps its gateway and camp within their quotas.
     *
     * @return {@code null} when counted, else why not (nothing is counted then)
     */
    synchronized String admit(String camp, String gateway, int metrics, int assets, Instant at) {
        long now = at.getEpochSecond() / 3600;
        if (now > hour) {
            hour = now;
            byGateway.clear();
            byCamp.clear();
        }
        Counts g = byGateway.computeIfAbsent(camp + '/' + gateway, k -> new Counts());
        Counts c = byCamp.computeIfAbsent(camp, k -> new Counts());
        String refused = over("gateway '" + gateway + "' of camp '" + camp + "'", g, metrics, assets,
            policy.newMetricsPerGatewayHour(), policy.newAssetsPerGatewayHour());
        if (refused == null) {
            refused = over("camp '" + camp + "'", c, metrics, assets, policy.newMetricsPerCampHour(),
                policy.newAssetsPerCampHour());
        }
        if (refused != null) {
            return refused;
        }
        g.add(metrics, assets);
        c.add(metrics, assets);
        return null;
    }

    private static String over(String who, Counts counts, int metrics, int assets, int metricQuota,
                               int assetQuota) {
        if ((long) counts.metrics + metrics > metricQuota) {
            return who + " would register " + metrics + " new metric name(s) with " + counts.metrics
                + " registered this hour; the quota is " + metricQuota + " an hour";
        }
        if ((long) counts.assets + assets > assetQuota) {
            return who + " would register " + assets + " new asset(s) with " + counts.assets
                + " registered this hour; the quota is " + assetQuota + " an hour";
        }
        return null;
    }

    private static final class Counts {
        private int metrics;
        private int assets;

        void add(int newMetrics, int newAssets) {
            metrics += newMetrics;
            assets += newAssets;
        }
    }
}

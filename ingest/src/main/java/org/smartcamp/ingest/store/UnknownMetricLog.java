package org.smartcamp.ingest.store;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns in the ingest log, once per (camp, gateway, metric) and process, that a gateway sends a metric the catalogue
 * does not know: its readings are stored, but nothing reads them, so a typo must not look like success. The set of
 * pairs warned about is bounded (the registration quotas bound new names per gateway anyway); beyond the bound one
 * last line says that further ones are only in {@code gateway_unknown_metrics}.
 */
final class UnknownMetricLog {
    static final int MAX_REMEMBERED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(UnknownMetricLog.class);
    private final Set<List<Object>> warned = ConcurrentHashMap.newKeySet();

    /** Logs the sightings not warned about before; returns how many lines it wrote. */
    int warnFirst(List<ResolvedBatch.UnknownMetricSighting> sightings) {
        int lines = 0;
        for (ResolvedBatch.UnknownMetricSighting u : sightings) {
            if (warned.size() > MAX_REMEMBERED) {
                return lines;
            }
            if (warned.add(List.of(u.campId(), u.gatewayId(), u.metric()))) {
                lines++;
                if (warned.size() > MAX_REMEMBERED) {
                    LOG.warn("More than {} (gateway, unknown metric) pairs: no further warnings; see"
                        + " gateway_unknown_metrics or GET /api/v1/camps/CAMP/gateways/GATEWAY", MAX_REMEMBERED);
                    return lines;
                }
                LOG.warn("Gateway {} of camp {} sends metric '{}', which is not in the catalogue: its readings are"
                    + " stored but flagged (GET /api/v1/camps/{}/gateways/{}); add it to the catalogue or fix the"
                    + " gateway, or set strict_metrics on the camp to dead-letter them", u.gatewayId(), u.campId(),
                    u.metric(), u.campId(), u.gatewayId());
            }
        }
        return lines;
    }
}

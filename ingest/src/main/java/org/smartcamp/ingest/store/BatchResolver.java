package org.smartcamp.ingest.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.smartcamp.ingest.wire.DecodedMessage;
import org.smartcamp.ingest.wire.Reading;
import org.smartcamp.ingest.wire.RejectReason;
import org.smartcamp.ingest.wire.SessionState;
import org.smartcamp.ingest.wire.TelemetryEncoder;
import org.smartcamp.ingest.wire.TopicAddress;

/**
 * Applies the registry's rules to a batch: a message writes readings of the camp its topic names (that camp must
 * belong to the topic's mission), and the topic's camp resolves the asset ids of its payload (ids are unique within
 * their camp only); units are converted to the metric's canonical unit or refused. What is refused becomes a dead
 * letter with its reason; unknown camps, assets and metrics are registered. Readings of a provisional asset are
 * quarantined with the camp that sent them, not stored. A metric the catalogue does not know is stored and noted
 * per gateway, or, in a camp in strict mode, dead-lettered ({@code unknown_metric}) and not registered.
 */
final class BatchResolver {
    private final AssetRegistry registry;
    private final RegistrationQuota quota;

    BatchResolver(AssetRegistry registry) {
        this.registry = registry;
        this.quota = new RegistrationQuota(registry.policy());
    }

    ResolvedBatch resolve(WriteBatch batch) {
        List<DeadLetter> deadLetters = new ArrayList<>(batch.deadLetters());
        Map<String, AssetRegistry.Camp> camps = new HashMap<>();
        List<ReceivedMessage> accepted = withinQuota(acceptedByCamp(batch.messages(), deadLetters, camps),
            deadLetters, camps);
        Map<String, String> unitByMetric = new HashMap<>();
        Set<String> strictMetrics = new HashSet<>();
        Set<AssetKey> assetKeys = new LinkedHashSet<>();
        Instant firstSeen = null;
        for (ReceivedMessage m : accepted) {
            firstSeen = firstSeen == null ? m.receivedAt() : firstSeen;
            String camp = m.message().address().camp();
            boolean strict = camps.get(camp).strictMetrics();
            String previous = null;
            for (Reading r : m.message().readings()) {
                if (strict) {
                    strictMetrics.add(r.metric());
                } else {
                    unitByMetric.putIfAbsent(r.metric(), r.unit());
                }
                // a message's readings come in runs of one asset: one key per run
                if (!r.asset().equals(previous)) {
                    assetKeys.add(new AssetKey(camp, r.asset()));
                    previous = r.asset();
                }
            }
        }
        Map<String, AssetRegistry.Metric> metrics = new HashMap<>(registry.storedMetrics(strictMetrics));
        metrics.putAll(registry.metrics(unitByMetric));
        Map<AssetKey, AssetRegistry.Asset> assets = firstSeen == null ? Map.of() : registry.assets(assetKeys,
            firstSeen);
        Staging staging = new Staging(batch.readingCount(), deadLetters);
        for (ReceivedMessage m : accepted) {
            staging.stage(m, camps.get(m.message().address().camp()).strictMetrics(), assets, metrics);
        }
        registry.quarantine(staging.held);
        Map<RejectReason, Integer> refused = new EnumMap<>(RejectReason.class);
        for (DeadLetter d : deadLetters.subList(batch.deadLetters().size(), deadLetters.size())) {
            refused.merge(d.reason(), 1, Integer::sum);
        }
        return new ResolvedBatch(staging.readings, staging.repeated, deadLetters, refused, gateways(accepted),
            List.copyOf(staging.unknown.values()),
            sessions(batch.messages()));
    }

    /** The messages whose camp belongs to their topic's mission; {@code camps} receives the camps they name. */
    private List<ReceivedMessage> acceptedByCamp(List<ReceivedMessage> messages, List<DeadLetter> deadLetters,
                                                 Map<String, AssetRegistry.Camp> camps) {
        Map<String, String> missionByCamp = new HashMap<>();
        for (ReceivedMessage m : messages) {
            missionByCamp.putIfAbsent(m.message().address().camp(), m.message().address().mission());
        }
        camps.putAll(registry.camps(missionByCamp));
        List<ReceivedMessage> accepted = new ArrayList<>(messages.size());
        for (ReceivedMessage m : messages) {
            TopicAddress address = m.message().address();
            AssetRegistry.Camp camp = camps.get(address.camp());
            if (camp.missionId().equals(address.mission())) {
                accepted.add(m);
            } else {
                deadLetters.add(new DeadLetter(m.receivedAt(), m.topic(), m.payload(), RejectReason.UNKNOWN_CAMP,
                    "camp '" + address.camp() + "' belongs to mission '" + camp.missionId() + "', not '"
                        + address.mission() + "'"));
            }
        }
        return accepted;
    }

    /**
     * The messages whose new metric names and assets fit their gateway's and camp's registration quotas; the
     * others are dead-lettered whole ({@code registration_quota}), raw payload kept for a replay. A name that an
     * earlier message of the batch brings in is not new for the later ones.
     */
    private List<ReceivedMessage> withinQuota(List<ReceivedMessage> messages, List<DeadLetter> deadLetters,
                                              Map<String, AssetRegistry.Camp> camps) {
        Set<String> metricNames = new HashSet<>();
        Set<AssetKey> assetKeys = new HashSet<>();
        for (ReceivedMessage m : messages) {
            String camp = m.message().address().camp();
            boolean strict = camps.get(camp).strictMetrics();
            String previous = null;
            for (Reading r : m.message().readings()) {
                if (!strict) {
                    metricNames.add(r.metric());
                }
                if (!r.asset().equals(previous)) {
                    assetKeys.add(new AssetKey(camp, r.asset()));
                    previous = r.asset();
                }
            }
        }
        Set<String> newMetrics = registry.unknownMetrics(metricNames);
        Set<AssetKey> newAssets = registry.unknownAssets(assetKeys);
        if (newMetrics.isEmpty() && newAssets.isEmpty()) {
            return messages;
        }
        List<ReceivedMessage> accepted = new ArrayList<>(messages.size());
        for (ReceivedMessage m : messages) {
            TopicAddress address = m.message().address();
            Set<String> metrics = new HashSet<>();
            Set<AssetKey> assets = new HashSet<>();
            for (Reading r : m.message().readings()) {
                if (newMetrics.contains(r.metric())) {
                    metrics.add(r.metric());
                }
                AssetKey key = new AssetKey(address.camp(), r.asset());
                if (newAssets.contains(key)) {
                    assets.add(key);
                }
            }
            String refused = metrics.isEmpty() && assets.isEmpty() ? null
                : quota.admit(address.camp(), address.gateway(), metrics.size(), assets.size(), m.receivedAt());
            if (refused == null) {
                newMetrics.removeAll(metrics);
                newAssets.removeAll(assets);
                accepted.add(m);
            } else {
                deadLetters.add(new DeadLetter(m.receivedAt(), m.topic(), m.payload(),
                    RejectReason.REGISTRATION_QUOTA, refused));
            }
        }
        return accepted;
    }

    /** Readings as they go to the database, each identity once: the first occurrence in the batch wins. */
    private static final class Staging {
        private final List<ResolvedBatch.Staged> readings;
        private final List<DeadLetter> deadLetters;
        private final IdentitySet identities;
        private final List<AssetRegistry.Held> held = new ArrayList<>();
        private final Map<List<Object>, ResolvedBatch.UnknownMetricSighting> unknown = new LinkedHashMap<>();
        private int repeated;

        Staging(int expected, List<DeadLetter> deadLetters) {
            this.readings = new ArrayList<>(expected);
            this.identities = new IdentitySet(expected);
            this.deadLetters = deadLetters;
        }

        void stage(ReceivedMessage m, boolean strict, Map<AssetKey, AssetRegistry.Asset> assets,
                   Map<String, AssetRegistry.Metric> metrics) {
            String camp = m.message().address().camp();
            String previous = null;
            AssetRegistry.Asset asset = null;
            for (Reading r : m.message().readings()) {
                if (!r.asset().equals(previous)) {
                    asset = assets.get(new AssetKey(camp, r.asset()));
                    previous = r.asset();
                }
                AssetRegistry.Metric metric = metrics.get(r.metric());
                boolean unknownMetric = metric == null || !metric.registered();
                if (unknownMetric && strict) {
                    deadLetters.add(refused(m, r, RejectReason.UNKNOWN_METRIC, "metric '" + r.metric()
                        + "' is not in the catalogue, and camp '" + camp + "' is in strict mode"));
                    continue;
                }
                DoubleUnaryOperator convert = Units.converter(r.unit(), metric.unit());
                if (convert == null) {
                    deadLetters.add(refused(m, r, RejectReason.UNIT_MISMATCH, "metric '" + r.metric() + "' is in "
                        + metric.unit() + "; '" + r.unit() + "' cannot be converted to it"));
                    continue;
                }
                if (unknownMetric) {
                    sighted(m, metric);
                }
                Instant ts = r.ts().truncatedTo(ChronoUnit.MICROS);
                if (asset.provisional()) {
                    held.add(new AssetRegistry.Held(new ResolvedBatch.Staged(asset.ref(), metric.id(), ts,
                        convert.applyAsDouble(r.value()), r.quality().code(), m.receivedAt()), camp,
                        "provisional: no inventory names asset '" + r.asset() + "' yet"));
                } else if (identities.add(asset.ref(), metric.id(), ts)) {
                    readings.add(new ResolvedBatch.Staged(asset.ref(), metric.id(), ts,
                        convert.applyAsDouble(r.value()), r.quality().code(), m.receivedAt()));
                } else {
                    repeated++;
                }
            }
        }

        private void sighted(ReceivedMessage m, AssetRegistry.Metric metric) {
            TopicAddress a = m.message().address();
            unknown.merge(List.of(a.camp(), a.gateway(), metric.id()), new ResolvedBatch.UnknownMetricSighting(
                a.camp(), a.gateway(), metric.id(), metric.name(), m.receivedAt(), m.receivedAt(), 1),
                ResolvedBatch.UnknownMetricSighting::plus);
        }
    }

    private static DeadLetter refused(ReceivedMessage m, Reading r, RejectReason reason, String detail) {
        return new DeadLetter(m.receivedAt(), m.topic(), TelemetryEncoder.encodeReading(r), reason, detail);
    }

    private static List<ResolvedBatch.GatewayUpdate> gateways(List<ReceivedMessage> accepted) {
        Map<String, ResolvedBatch.GatewayUpdate> latest = new LinkedHashMap<>();
        for (ReceivedMessage m : accepted) {
            DecodedMessage d = m.message();
            String key = d.address().camp() + '\u0000' + d.address().gateway();
            ResolvedBatch.GatewayUpdate next = new ResolvedBatch.GatewayUpdate(d.address().camp(),
                d.address().gateway(), d.seq(), d.sent(), m.receivedAt(), 1, d.status(),
                d.status() == null ? null : m.receivedAt());
            latest.merge(key, next, BatchResolver::later);
        }
        return new ArrayList<>(latest.values());
    }

    private static ResolvedBatch.GatewayUpdate later(ResolvedBatch.GatewayUpdate a, ResolvedBatch.GatewayUpdate b) {
        boolean bNewer = !b.lastReceived().isBefore(a.lastReceived());
        ResolvedBatch.GatewayUpdate newer = bNewer ? b : a;
        ResolvedBatch.GatewayUpdate older = bNewer ? a : b;
        Long seq = newer.lastSeq() != null ? newer.lastSeq() : older.lastSeq();
        Instant sent = a.lastSent() == null ? b.lastSent()
            : b.lastSent() == null || a.lastSent().isAfter(b.lastSent()) ? a.lastSent() : b.lastSent();
        ResolvedBatch.GatewayUpdate said = newer.status() != null ? newer : older;
        return new ResolvedBatch.GatewayUpdate(a.campId(), a.gatewayId(), seq, sent,
            newer.lastReceived(), a.messages() + b.messages(), said.status(), said.statusAt());
    }

    /**
     * The formats' session states, in message order: those of messages the registry refused too, since the format
     * has moved past them (what it committed must be what it holds in memory).
     */
    private static List<SessionState> sessions(List<ReceivedMessage> messages) {
        List<SessionState> out = new ArrayList<>();
        for (ReceivedMessage m : messages) {
            if (m.message().session() != null) {
                out.add(m.message().session());
            }
        }
        return out;
    }
}

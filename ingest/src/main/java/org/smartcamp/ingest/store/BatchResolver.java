package org.smartcamp.ingest.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
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
 * Applies the registry's rules to a batch: a message may only write readings of the camp its topic names (and
 * that camp must belong to the topic's mission); units are converted to the metric's canonical unit or refused.
 * What is refused becomes a dead letter with its reason; unknown camps, assets and metrics are registered. Readings
 * of a provisional asset (from any camp) are quarantined with the camp that sent them, not stored.
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
        List<ReceivedMessage> accepted = withinQuota(acceptedByCamp(batch.messages(), deadLetters), deadLetters);
        Map<String, String> unitByMetric = new HashMap<>();
        Map<String, String> campByAsset = new HashMap<>();
        Instant firstSeen = null;
        for (ReceivedMessage m : accepted) {
            firstSeen = firstSeen == null ? m.receivedAt() : firstSeen;
            for (Reading r : m.message().readings()) {
                unitByMetric.putIfAbsent(r.metric(), r.unit());
                campByAsset.putIfAbsent(r.asset(), m.message().address().camp());
            }
        }
        Map<String, AssetRegistry.Metric> metrics = registry.metrics(unitByMetric);
        Map<String, AssetRegistry.Asset> assets = firstSeen == null ? Map.of() : registry.assets(campByAsset,
            firstSeen);
        Staging staging = new Staging(batch.readingCount(), deadLetters);
        for (ReceivedMessage m : accepted) {
            staging.stage(m, assets, metrics);
        }
        registry.quarantine(staging.held);
        Map<RejectReason, Integer> refused = new EnumMap<>(RejectReason.class);
        for (DeadLetter d : deadLetters.subList(batch.deadLetters().size(), deadLetters.size())) {
            refused.merge(d.reason(), 1, Integer::sum);
        }
        return new ResolvedBatch(staging.readings, staging.repeated, deadLetters, refused, gateways(accepted),
            sessions(batch.messages()));
    }

    private List<ReceivedMessage> acceptedByCamp(List<ReceivedMessage> messages, List<DeadLetter> deadLetters) {
        Map<String, String> missionByCamp = new HashMap<>();
        for (ReceivedMessage m : messages) {
            missionByCamp.putIfAbsent(m.message().address().camp(), m.message().address().mission());
        }
        Map<String, AssetRegistry.Camp> camps = registry.camps(missionByCamp);
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
    private List<ReceivedMessage> withinQuota(List<ReceivedMessage> messages, List<DeadLetter> deadLetters) {
        Set<String> metricNames = new HashSet<>();
        Set<String> assetIds = new HashSet<>();
        for (ReceivedMessage m : messages) {
            for (Reading r : m.message().readings()) {
                metricNames.add(r.metric());
                assetIds.add(r.asset());
            }
        }
        Set<String> newMetrics = registry.unknownMetrics(metricNames);
        Set<String> newAssets = registry.unknownAssets(assetIds);
        if (newMetrics.isEmpty() && newAssets.isEmpty()) {
            return messages;
        }
        List<ReceivedMessage> accepted = new ArrayList<>(messages.size());
        for (ReceivedMessage m : messages) {
            Set<String> metrics = new HashSet<>();
            Set<String> assets = new HashSet<>();
            for (Reading r : m.message().readings()) {
                if (newMetrics.contains(r.metric())) {
                    metrics.add(r.metric());
                }
                if (newAssets.contains(r.asset())) {
                    assets.add(r.asset());
                }
            }
            TopicAddress address = m.message().address();
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
        private final Set<ResolvedBatch.Identity> identities = new HashSet<>();
        private final List<AssetRegistry.Held> held = new ArrayList<>();
        private int repeated;

        Staging(int expected, List<DeadLetter> deadLetters) {
            this.readings = new ArrayList<>(expected);
            this.deadLetters = deadLetters;
        }

        void stage(ReceivedMessage m, Map<String, AssetRegistry.Asset> assets,
                   Map<String, AssetRegistry.Metric> metrics) {
            String camp = m.message().address().camp();
            for (Reading r : m.message().readings()) {
                AssetRegistry.Asset asset = assets.get(r.asset());
                AssetRegistry.Metric metric = metrics.get(r.metric());
                if (!asset.provisional() && !asset.campId().equals(camp)) {
                    deadLetters.add(refused(m, r, RejectReason.ASSET_OF_OTHER_CAMP, "asset '" + r.asset()
                        + "' belongs to camp '" + asset.campId() + "'; a message on camp '" + camp
                        + "''s topic may not write it"));
                    continue;
                }
                DoubleUnaryOperator convert = Units.converter(r.unit(), metric.unit());
                if (convert == null) {
                    deadLetters.add(refused(m, r, RejectReason.UNIT_MISMATCH, "metric '" + r.metric() + "' is in "
                        + metric.unit() + "; '" + r.unit() + "' cannot be converted to it"));
                    continue;
                }
                Instant ts = r.ts().truncatedTo(ChronoUnit.MICROS);
                if (asset.provisional()) {
                    held.add(new AssetRegistry.Held(new ResolvedBatch.Staged(asset.ref(), metric.id(), ts,
                        convert.applyAsDouble(r.value()), r.quality().code(), m.receivedAt()), camp,
                        "provisional: no inventory names asset '" + r.asset() + "' yet"));
                } else if (identities.add(new ResolvedBatch.Identity(asset.ref(), metric.id(), ts))) {
                    readings.add(new ResolvedBatch.Staged(asset.ref(), metric.id(), ts,
                        convert.applyAsDouble(r.value()), r.quality().code(), m.receivedAt()));
                } else {
                    repeated++;
                }
            }
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

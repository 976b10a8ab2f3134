package org.smartcamp.api.store;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.smartcamp.ingest.store.AssetKey;

/**
 * An immutable snapshot of the registry (missions, camps, assets, metrics): what scope checks and the
 * enrichment of rows (camp of an asset, unit of a metric) need without a database round trip.
 */
public final class Registry {
    /** A camp and the mission it belongs to. */
    public record Camp(String id, String missionId, String name) {
    }

    /** An asset: its storage ref, id, camp and kind. */
    public record Asset(int ref, String id, String campId, String kind) {
    }

    /**
     * A metric of the database: {@code personal} when its readings are personal data (positions), served only with
     * the {@code location} grant ({@code metrics.personal}, seeded from the catalogue).
     */
    public record Metric(int id, String name, String unit, boolean personal) {
        /** A metric that is not personal data. */
        public Metric(int id, String name, String unit) {
            this(id, name, unit, false);
        }
    }

    private final Map<String, String> missions;
    private final Map<String, Camp> camps;
    private final Map<AssetKey, Asset> assets;
    private final Map<String, List<Asset>> assetsById;
    private final Map<Integer, Asset> assetsByRef;
    private final Map<String, Metric> metrics;
    private final Map<Integer, Metric> metricsById;
    private final String fingerprint;

    /** A snapshot of these (mission id to name, camps, assets, metrics). */
    public Registry(Map<String, String> missions, List<Camp> camps, List<Asset> assets, List<Metric> metrics) {
        this.missions = Map.copyOf(missions);
        this.camps = sorted(camps, Camp::id);
        Map<AssetKey, Asset> byKey = new LinkedHashMap<>();
        assets.stream().sorted(Comparator.comparing(Asset::id).thenComparing(Asset::campId))
            .forEach(a -> byKey.put(new AssetKey(a.campId(), a.id()), a));
        this.assets = byKey;
        this.assetsById = byKey.values().stream().collect(Collectors.groupingBy(Asset::id,
            Collectors.toUnmodifiableList()));
        this.assetsByRef = assets.stream().collect(Collectors.toUnmodifiableMap(Asset::ref, a -> a));
        this.metrics = sorted(metrics, Metric::name);
        this.metricsById = metrics.stream().collect(Collectors.toUnmodifiableMap(Metric::id, m -> m));
        this.fingerprint = Fingerprint.of(new java.util.TreeMap<>(this.missions) + "|" + this.camps.values() + "|"
            + this.assets.values() + "|" + this.metrics.values());
    }

    /**
     * A digest of everything in the snapshot: equal on every replica that loaded the same registry, different
     * after any change (the cached answers and their ETags depend on it, as answers name camps and units).
     */
    public String fingerprint() {
        return fingerprint;
    }

    private static <T> Map<String, T> sorted(List<T> items, Function<T, String> key) {
        Map<String, T> out = new LinkedHashMap<>();
        items.stream().sorted(Comparator.comparing(key)).forEach(i -> out.put(key.apply(i), i));
        return out;
    }

    /** Whether the mission is registered. */
    public boolean hasMission(String id) {
        return missions.containsKey(id);
    }

    /** Every mission id, sorted. */
    public List<String> missionIds() {
        return missions.keySet().stream().sorted().toList();
    }

    /** The camp, or null. */
    public Camp camp(String id) {
        return camps.get(id);
    }

    /** Every camp, sorted by id. */
    public List<Camp> camps() {
        return List.copyOf(camps.values());
    }

    /** Camp {@code campId}'s asset {@code id}, or null (asset ids are unique within their camp only). */
    public Asset asset(String campId, String id) {
        return assets.get(new AssetKey(campId, id));
    }

    /** The assets of that id, one per camp that has one, sorted by camp. */
    public List<Asset> assetsWithId(String id) {
        return assetsById.getOrDefault(id, List.of());
    }

    /** The asset with this storage ref, or null. */
    public Asset assetByRef(int ref) {
        return assetsByRef.get(ref);
    }

    /** The assets of these camps, sorted by id (then camp). */
    public List<Asset> assetsOf(List<String> campIds) {
        return assets.values().stream().filter(a -> campIds.contains(a.campId())).toList();
    }

    /** The metric named {@code name}, or null. */
    public Metric metric(String name) {
        return metrics.get(name);
    }

    /** The metric with this id, or null. */
    public Metric metricById(int id) {
        return metricsById.get(id);
    }

    /** Every metric, sorted by name. */
    public List<Metric> metrics() {
        return List.copyOf(metrics.values());
    }
}

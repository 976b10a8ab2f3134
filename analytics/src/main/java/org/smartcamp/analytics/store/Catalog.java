package org.smartcamp.analytics.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smartcamp.ingest.store.AssetKey;

/** The registry at one moment: camps, their assets and the metric names, looked up by id or ref. Immutable. */
public final class Catalog {
    private final Map<String, CampInfo> camps;
    private final Map<Integer, AssetInfo> byRef = new LinkedHashMap<>();
    private final Map<AssetKey, AssetInfo> byKey = new HashMap<>();
    private final Map<String, List<AssetInfo>> byCamp = new HashMap<>();
    private final Map<Integer, String> metricNames;

    public Catalog(Collection<CampInfo> camps, Collection<AssetInfo> assets, Map<Integer, String> metricNames) {
        Map<String, CampInfo> c = new LinkedHashMap<>();
        camps.forEach(camp -> c.put(camp.id(), camp));
        this.camps = c;
        for (AssetInfo a : assets) {
            byRef.put(a.ref(), a);
            byKey.put(new AssetKey(a.campId(), a.id()), a);
            byCamp.computeIfAbsent(a.campId(), k -> new ArrayList<>()).add(a);
        }
        this.metricNames = Map.copyOf(metricNames);
    }

    public Optional<AssetInfo> asset(int ref) {
        return Optional.ofNullable(byRef.get(ref));
    }

    /** Camp {@code campId}'s asset {@code id} (asset ids are unique within their camp only). */
    public Optional<AssetInfo> asset(String campId, String id) {
        return Optional.ofNullable(byKey.get(new AssetKey(campId, id)));
    }

    public Optional<CampInfo> camp(String id) {
        return Optional.ofNullable(camps.get(id));
    }

    public Collection<CampInfo> camps() {
        return List.copyOf(camps.values());
    }

    public Collection<AssetInfo> assets() {
        return List.copyOf(byRef.values());
    }

    /** The assets of camp {@code campId} (empty when none). */
    public List<AssetInfo> assetsOf(String campId) {
        return List.copyOf(byCamp.getOrDefault(campId, List.of()));
    }

    /** The name of metric {@code id}, or {@code null}. */
    public String metricName(int id) {
        return metricNames.get(id);
    }
}

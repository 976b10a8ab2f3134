package org.smartcamp.ingest.store;

import java.util.Objects;

/**
 * What names an asset: its camp and its id. Asset ids are unique within their camp, not across camps (two camps
 * may both have {@code dg-1}); the topic's camp resolves the asset a payload names.
 */
public record AssetKey(String campId, String assetId) implements Comparable<AssetKey> {

    public AssetKey {
        Objects.requireNonNull(campId, "campId");
        Objects.requireNonNull(assetId, "assetId");
    }

    @Override
    public int compareTo(AssetKey o) {
        int byCamp = campId.compareTo(o.campId);
        return byCamp != 0 ? byCamp : assetId.compareTo(o.assetId);
    }

    /** {@code camp/asset}, as logs and messages show it. */
    @Override
    public String toString() {
        return campId + "/" + assetId;
    }
}

package org.smartcamp.ingest.wire;

import java.util.Locale;

/** What a message says about its gateway's session, for formats that announce it (Sparkplug births and deaths). */
public enum GatewayStatus {
    /** The gateway announced itself (a Sparkplug NBIRTH). */
    ONLINE,
    /** The gateway went away (a Sparkplug NDEATH, its MQTT will). */
    OFFLINE;

    /** The code stored in {@code gateways.status}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

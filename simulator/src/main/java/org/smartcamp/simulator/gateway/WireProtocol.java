package org.smartcamp.simulator.gateway;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How simulated gateways talk to the broker: the payload format and topic layout they publish with. */
public enum WireProtocol {
    /** SmartCamp JSON batches on {@code smartcamp/v1/{mission}/{camp}/{gateway}/telemetry}, one client per gateway. */
    SMARTCAMP("smartcamp"),
    /**
     * Sparkplug B: each camp is one edge node ({@code spBv1.0/{mission}/.../{camp}/{asset}}), its assets are devices
     * (see docs/simulator.md).
     */
    SPARKPLUG("sparkplug");

    private final String text;

    WireProtocol(String text) {
        this.text = text;
    }

    /** The name used on the command line and in scenario files. */
    public String text() {
        return text;
    }

    /**
     * The protocol named {@code text} ({@code smartcamp} or {@code sparkplug}, any case).
     *
     * @throws IllegalArgumentException naming the accepted values for anything else
     */
    public static WireProtocol parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.text.equals(wanted)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("protocol '" + text + "' is not one of "
                + Arrays.stream(values()).map(WireProtocol::text).collect(Collectors.joining(", "))));
    }
}

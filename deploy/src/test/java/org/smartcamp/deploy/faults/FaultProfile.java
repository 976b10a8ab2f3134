package org.smartcamp.deploy.faults;

import java.time.Duration;
import java.util.Locale;

/**
 * How big the fault suite's cases are. {@code short} (the default) runs in CI within {@code mvn verify}; {@code
 * long} ({@code -Dsmartcamp.faults=long}) runs the sizes docs/faults.md reports. The outage lengths it names
 * (PostgreSQL down for 30 s, a 24-hour backlog, 60 s of overload in the long run) do not shrink in the short run
 * except the overload window.
 *
 * @param name                {@code short} or {@code long}
 * @param streamRate          readings per second of the steady stream the kill, restart and scale-out cases run
 *                            under
 * @param streamSeconds       how long that stream lasts
 * @param outageRate          readings per second of the stream PostgreSQL is stopped under (it lasts the outage
 *                            and ten seconds more)
 * @param databaseOutage      how long PostgreSQL stays down
 * @param backlogScenario     the bundled scenario whose first gateway delivers a day of backlog at once
 * @param backlogGateways     how many such gateways (camps) deliver their backlog at the same moment
 * @param calibrationReadings readings published flat out to measure the sustainable rate
 * @param overload            how long the ingest is fed at twice the sustainable rate
 * @param scaleOutReadings    readings of each phase of the scale-out case
 */
record FaultProfile(String name, double streamRate, int streamSeconds, double outageRate, Duration databaseOutage,
                    String backlogScenario, int backlogGateways, long calibrationReadings, Duration overload,
                    long scaleOutReadings) {
    static final String PROPERTY = "smartcamp.faults";
    static final int PER_MESSAGE = 100;
    static final int GATEWAYS = 4;
    /** The ingest's heap in every case, and the bound its resident memory must stay under. */
    static final String HEAP = "256m";
    static final long RSS_BOUND_BYTES = 600L * 1024 * 1024;
    /** The ingest's receive maximum in the suite: what it may hold unacknowledged, so the broker holds the rest. */
    static final int RECEIVE_MAXIMUM = 200;

    static final FaultProfile SHORT = new FaultProfile("short", 2_000, 15, 1_000, Duration.ofSeconds(30),
        "small-outpost", 1, 30_000, Duration.ofSeconds(10), 30_000);
    static final FaultProfile LONG = new FaultProfile("long", 10_000, 60, 10_000, Duration.ofSeconds(30),
        "battalion-camp", 8, 500_000, Duration.ofSeconds(60), 300_000);

    /** The profile {@code -Dsmartcamp.faults} selects. */
    static FaultProfile current() {
        String value = System.getProperty(PROPERTY, "short").trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "short" -> SHORT;
            case "long" -> LONG;
            default -> throw new IllegalArgumentException("-D" + PROPERTY + " is '" + value
                + "'; expected short or long");
        };
    }

    /** Readings of the steady stream. */
    long streamReadings() {
        return (long) (streamRate * streamSeconds);
    }

    /** Readings of the stream PostgreSQL is stopped under: the outage and ten seconds more. */
    long outageReadings() {
        return (long) (outageRate * (databaseOutage.toSeconds() + 10));
    }
}

package org.smartcamp.simulator;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * The start instant of a run as given on the command line: an ISO 8601 instant, {@code now} (the run ends now,
 * so every event time lies in the ingest's acceptance window), {@code live} (the run starts now; for real-time
 * speed) or empty for the scenario's own start.
 */
public final class StartTime {
    private StartTime() {
    }

    /**
     * The start for a run of {@code duration}, or {@code null} to keep the scenario's start.
     *
     * @throws IllegalArgumentException when {@code text} is none of the accepted forms
     */
    public static Instant resolve(String text, Duration duration, Clock clock) {
        if (text == null || text.isBlank() || text.equals("scenario")) {
            return null;
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        switch (text.trim()) {
            case "now":
            case "now-minus-duration":
                return now.minus(duration);
            case "live":
                return now;
            default:
                try {
                    return Instant.parse(text.trim());
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("start '" + text
                        + "' is not an ISO instant (2026-03-02T00:00:00Z), now or live");
                }
        }
    }
}

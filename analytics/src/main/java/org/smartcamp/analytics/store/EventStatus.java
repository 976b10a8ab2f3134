package org.smartcamp.analytics.store;

/** The status of a stored event: {@code active}, or {@code retracted} when later data disproved it. */
public final class EventStatus {
    /** Detected and not disproved. */
    public static final String ACTIVE = "active";
    /** Disproved by later or corrected data; kept with the reason, never deleted. */
    public static final String RETRACTED = "retracted";

    private EventStatus() {
    }
}

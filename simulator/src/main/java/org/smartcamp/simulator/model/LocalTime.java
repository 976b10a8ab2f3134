package org.smartcamp.simulator.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;

/** Local solar time of a camp from its longitude: what drives its sun and its people's day. */
public final class LocalTime {
    private final double offsetHours;

    public LocalTime(double longitude) {
        this.offsetHours = longitude / 15.0;
    }

    /** Local hour of the day in [0, 24). */
    public double hour(Instant t) {
        double utc = (t.getEpochSecond() % 86_400 + t.getNano() / 1e9) / 3600.0;
        return ((utc + offsetHours) % 24 + 24) % 24;
    }

    /** Local day of the week. */
    public DayOfWeek day(Instant t) {
        return t.plusSeconds(Math.round(offsetHours * 3600)).atOffset(ZoneOffset.UTC).getDayOfWeek();
    }
}

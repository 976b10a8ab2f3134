package org.smartcamp.analytics.alarm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How urgent an alarm is, most urgent first. */
public enum Severity {
    CRITICAL, MAJOR, MINOR, WARNING;

    /** Lower-case name, as stored and served. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is more urgent than {@code other}. */
    public boolean above(Severity other) {
        return ordinal() < other.ordinal();
    }

    /** Every severity's id, most urgent first. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Severity::id).toList();
    }

    /** The severity of this id, or null. */
    public static Severity ofId(String id) {
        for (Severity s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }
}

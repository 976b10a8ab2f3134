package org.smartcamp.analytics.store;

import java.util.Locale;

/** What a figure is about: an asset or a whole camp ({@code subject_kind} in the figure tables). */
public enum Subject {
    ASSET, CAMP;

    /** The stored name: {@code asset} or {@code camp}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

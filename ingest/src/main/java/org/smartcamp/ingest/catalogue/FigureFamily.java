package org.smartcamp.ingest.catalogue;

import java.util.Locale;

/** The analysis a figure comes from; the lower-case name is what the API serves. */
public enum FigureFamily {
    /** Tank levels, consumption, deliveries, losses and supply forecasts. */
    FUEL,
    /** Generators' loading and fuel efficiency, the camp's energy balance and the sizing of its sets. */
    POWER,
    /** How much assets (generators, vehicles) were used, idled and how soon they need service. */
    USAGE,
    /** How complete and how fresh the data behind the other figures is. */
    QUALITY;

    /** The name used by the API, e.g. {@code fuel}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

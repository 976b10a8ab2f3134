package org.smartcamp.ingest.catalogue;

import java.util.Locale;

/**
 * The kinds of event the analytics detect, defined once: {@link #id()} is the name stored and served, the family the
 * analysis (and the API's summary) it belongs to, whether it calls for someone's attention (an alert) and a label
 * for people in English and French.
 */
public enum EventKind {
    /** Fuel delivered into a tank (or a vehicle). */
    REFUEL(FigureFamily.FUEL, false, "Refuel", "Ravitaillement"),
    /** A refuel that delivered noticeably less than its delivery record says. */
    SHORT_FILL(FigureFamily.FUEL, true, "Short fill", "Livraison incomplète"),
    /** A sudden loss not explained by consumption (theft, drain, pilferage). */
    THEFT(FigureFamily.FUEL, true, "Suspected theft", "Vol présumé"),
    /** A slow, sustained loss not explained by consumption. */
    LEAK(FigureFamily.FUEL, true, "Suspected leak", "Fuite présumée"),
    /** A generator running below the low-load threshold for a sustained time. */
    LOW_LOAD(FigureFamily.POWER, true, "Low load", "Faible charge"),
    /** A generator above the overload threshold. */
    OVERLOAD(FigureFamily.POWER, true, "Overload", "Surcharge"),
    /** A generator whose specific fuel consumption drifted above its expected curve. */
    SFC_DEGRADATION(FigureFamily.POWER, true, "Fuel efficiency drift", "Dérive de la consommation spécifique"),
    /** No power from any source while the camp needed it. */
    OUTAGE(FigureFamily.POWER, true, "Power outage", "Coupure de courant"),
    /** A sensor that stopped reporting. */
    STALE_SENSOR(FigureFamily.QUALITY, true, "Stale sensor", "Capteur muet"),
    /** A sensor whose value stays unchanged longer than its noise allows. */
    FLATLINE(FigureFamily.QUALITY, true, "Flat-lined sensor", "Capteur figé");

    private final FigureFamily family;
    private final boolean alert;
    private final String labelEn;
    private final String labelFr;

    EventKind(FigureFamily family, boolean alert, String labelEn, String labelFr) {
        this.family = family;
        this.alert = alert;
        this.labelEn = labelEn;
        this.labelFr = labelFr;
    }

    /** Lower-case name, e.g. {@code short_fill}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The analysis that detects it, e.g. {@link FigureFamily#FUEL} for a theft. */
    public FigureFamily family() {
        return family;
    }

    /** Whether it calls for someone's attention (every kind but a normal refuel). */
    public boolean alert() {
        return alert;
    }

    /** A label for people in {@code language} ({@code en} or {@code fr}; English for any other). */
    public String label(String language) {
        return "fr".equals(language.toLowerCase(Locale.ROOT)) ? labelFr : labelEn;
    }

    /**
     * The kind of this id.
     *
     * @throws IllegalArgumentException for an unknown id
     */
    public static EventKind ofId(String id) {
        for (EventKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown event kind: " + id);
    }
}

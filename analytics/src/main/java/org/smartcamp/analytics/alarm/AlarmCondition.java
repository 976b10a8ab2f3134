package org.smartcamp.analytics.alarm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smartcamp.ingest.catalogue.EventKind;

/**
 * What a rule watches, defined once. An {@link Basis#EVENT} condition raises one alarm per detected event (subject
 * {@code event:<id>}); the others are states that keep one alarm per subject while they hold and clear it when they
 * end.
 */
public enum AlarmCondition {
    /** A theft or unexplained loss of at least {@code threshold} litres. */
    THEFT(Basis.EVENT, EventKind.THEFT),
    /** A slow loss (leak) of at least {@code threshold} litres. */
    LEAK(Basis.EVENT, EventKind.LEAK),
    /** A refuel short of its delivery note by at least {@code threshold} litres. */
    SHORT_FILL(Basis.EVENT, EventKind.SHORT_FILL),
    /** A power outage (no source ran while the camp needed power) of at least {@code threshold} hours. */
    GENERATOR_OUTAGE(Basis.EVENT, EventKind.OUTAGE),
    /** Days of supply of a camp or a tank below {@code threshold} days. */
    DAYS_OF_SUPPLY_BELOW(Basis.FIGURE, null),
    /** A gateway that sent nothing for longer than {@code duration}. */
    GATEWAY_SILENT(Basis.GATEWAY, null),
    /** A sensor that stopped reporting, for at least {@code duration}. */
    SENSOR_STALE(Basis.ONGOING_EVENT, EventKind.STALE_SENSOR),
    /** A sensor stuck at one value, for at least {@code duration}. */
    SENSOR_FLAT(Basis.ONGOING_EVENT, EventKind.FLATLINE),
    /** A generator above its overload threshold for longer than {@code duration}. */
    OVERLOAD(Basis.ONGOING_EVENT, EventKind.OVERLOAD),
    /** A generator in the low-load band for longer than {@code duration}. */
    LOW_LOAD(Basis.ONGOING_EVENT, EventKind.LOW_LOAD);

    /** Where a condition's findings come from. */
    public enum Basis {
        /** One alarm per detected event. */
        EVENT,
        /** A state: the latest event of the kind on an asset, while it lasts. */
        ONGOING_EVENT,
        /** A state: a current figure below the threshold. */
        FIGURE,
        /** A state: a gateway's last message older than the duration. */
        GATEWAY
    }

    private final Basis basis;
    private final EventKind kind;

    AlarmCondition(Basis basis, EventKind kind) {
        this.basis = basis;
        this.kind = kind;
    }

    /**
     * A label for people in {@code language} ({@code en} or {@code fr}; English for any other): the event kind's
     * label from the catalogue for a condition on events, else the condition's own.
     */
    public String label(String language) {
        if (kind != null) {
            return kind.label(language);
        }
        boolean fr = "fr".equalsIgnoreCase(language);
        return switch (this) {
            case DAYS_OF_SUPPLY_BELOW -> fr ? "Autonomie en carburant sous le seuil" : "Days of supply below threshold";
            case GATEWAY_SILENT -> fr ? "Passerelle muette" : "Silent gateway";
            default -> throw new IllegalStateException("no label for " + this);
        };
    }

    /** Lower-case name, e.g. {@code days_of_supply_below}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Basis basis() {
        return basis;
    }

    /** The event kind it watches, or null for a figure or gateway condition. */
    public EventKind kind() {
        return kind;
    }

    /** Whether a rule of this condition must give a threshold. */
    public boolean needsThreshold() {
        return this == DAYS_OF_SUPPLY_BELOW;
    }

    /** Whether a rule of this condition must give a duration. */
    public boolean needsDuration() {
        return this == GATEWAY_SILENT;
    }

    /** Every condition's id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(AlarmCondition::id).toList();
    }

    /** The condition of this id, or null. */
    public static AlarmCondition ofId(String id) {
        for (AlarmCondition c : values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        return null;
    }
}

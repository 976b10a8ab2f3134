package org.smartcamp.ingest.wire;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The per-reading rules of wire contract v1, shared by every payload format. The patterns are the documented form;
 * {@link WireIds} checks them character by character.
 */
public final class ReadingValidator {
    /** Metric names: dot-separated lower-case words, e.g. {@code fuel.volume}, at most 64 long. */
    static final Pattern METRIC = Pattern.compile("(?=.{1,64}$)[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");
    /** Units: short printable tokens, e.g. {@code kW}, {@code degC}, {@code L/h}, {@code %}; empty for a boolean. */
    static final Pattern UNIT = Pattern.compile("[A-Za-z0-9%/._^-]{0,16}");

    private final WireLimits limits;

    public ReadingValidator(WireLimits limits) {
        this.limits = limits;
    }

    public String asset(String asset) {
        if (!WireIds.isId(asset)) {
            throw new WireFormatException(RejectReason.INVALID_ID,
                "asset id '" + asset + "' does not match " + TopicAddress.ID.pattern());
        }
        return asset;
    }

    public String metric(String metric) {
        if (!WireIds.isMetric(metric)) {
            throw new WireFormatException(RejectReason.INVALID_ID,
                "metric '" + metric + "' is not a dot-separated lower-case name of at most 64 characters");
        }
        return metric;
    }

    String unit(String unit) {
        if (unit != null && !WireIds.isUnit(unit)) {
            throw new WireFormatException(RejectReason.WRONG_TYPE, "unit '" + unit + "' is not a valid unit token");
        }
        return unit;
    }

    public double value(double value) {
        if (!Double.isFinite(value)) {
            throw new WireFormatException(RejectReason.NOT_FINITE, "value is " + value + "; only finite numbers");
        }
        if (Math.abs(value) > limits.maxAbsValue()) {
            throw new WireFormatException(RejectReason.OUT_OF_RANGE,
                "value " + value + " is outside +/-" + limits.maxAbsValue());
        }
        return value;
    }

    public Instant eventTime(Instant ts, Instant now) {
        return inWindow("event time", ts, now);
    }

    /**
     * A message's send time, held to the event-time window too: it is stored as the gateway's
     * {@code last_sent_at}, and a time beyond PostgreSQL's range would fail every commit of its batch.
     */
    Instant sentTime(Instant sent, Instant now) {
        return inWindow("sent", sent, now);
    }

    private Instant inWindow(String what, Instant t, Instant now) {
        if (t.isBefore(now.minus(limits.maxAge())) || t.isAfter(now.plus(limits.maxFutureSkew()))) {
            throw new WireFormatException(RejectReason.TIMESTAMP_OUT_OF_WINDOW,
                what + " " + t + " is outside [arrival - " + limits.maxAge() + ", arrival + "
                    + limits.maxFutureSkew() + "]");
        }
        return t;
    }
}

package org.smartcamp.analytics.power;

import org.smartcamp.analytics.series.Series;

/** A battery's power (kW, positive while discharging) from its current and voltage, or from its state of charge. */
final class BatteryPower {
    private static final long SOC_SMOOTHING_MS = 30 * 60_000L;
    private static final double MS_PER_HOUR = 3_600_000.0;

    private BatteryPower() {
    }

    /**
     * {@code current * voltage / 1000}; the voltage at the current's time, else the last within maxGap, else nominal.
     */
    static Series fromCurrent(Series current, Series voltage, long maxGapMs, double nominalVoltage) {
        Series.Builder b = Series.builder();
        for (int i = 0; i < current.size(); i++) {
            double v = voltageAt(voltage, current.time(i), maxGapMs, nominalVoltage);
            b.add(current.time(i), current.value(i) * v / 1000);
        }
        return b.build();
    }

    /**
     * The power implied by the state of charge: {@code -d(soc)/dt * capacity}, after a centred half-hour moving mean
     * of the SoC so that its noise does not count as charge and discharge; a falling charge delivered
     * {@code efficiency} of it, a rising one took {@code 1 / efficiency} of it.
     */
    static Series fromSoc(Series socPercent, double capacityKwh, double efficiency) {
        Series smooth = movingMean(socPercent);
        Series.Builder b = Series.builder();
        for (int i = 0; i + 1 < smooth.size(); i++) {
            double hours = (smooth.time(i + 1) - smooth.time(i)) / MS_PER_HOUR;
            double kw = -(smooth.value(i + 1) - smooth.value(i)) / 100 * capacityKwh / hours;
            b.add(smooth.time(i), kw > 0 ? kw * efficiency : kw / efficiency);
        }
        return b.build();
    }

    private static Series movingMean(Series s) {
        Series.Builder b = Series.builder();
        int lo = 0;
        int hi = 0;
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            while (hi < s.size() && s.time(hi) <= s.time(i) + SOC_SMOOTHING_MS / 2) {
                sum += s.value(hi++);
            }
            while (s.time(lo) < s.time(i) - SOC_SMOOTHING_MS / 2) {
                sum -= s.value(lo++);
            }
            b.add(s.time(i), sum / (hi - lo));
        }
        return b.build();
    }

    private static double voltageAt(Series voltage, long t, long maxGapMs, double nominal) {
        int i = voltage.indexAtOrAfter(t);
        if (i < voltage.size() && voltage.time(i) == t && voltage.value(i) > 0) {
            return voltage.value(i);
        }
        if (i > 0 && t - voltage.time(i - 1) <= maxGapMs && voltage.value(i - 1) > 0) {
            return voltage.value(i - 1);
        }
        return nominal;
    }
}

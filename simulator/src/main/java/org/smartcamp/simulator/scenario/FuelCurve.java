package org.smartcamp.simulator.scenario;

/**
 * The linear generator fuel curve (as used by HOMER): {@code F [L/h] = f0 * ratedKw + f1 * outputKw} while
 * running, nothing when off.
 *
 * @param f0 L/h per rated kW (no-load consumption)
 * @param f1 L/kWh of output
 */
public record FuelCurve(double f0, double f1) {
    /** HOMER's defaults, as docs/analytics-power.md gives them: 0.08145 L/h per rated kW, 0.246 L/kWh. */
    public static final FuelCurve DEFAULT = new FuelCurve(0.08145, 0.246);

    /** Litres per hour of a running set of {@code ratedKw} delivering {@code outputKw}. */
    public double litresPerHour(double ratedKw, double outputKw) {
        return f0 * ratedKw + f1 * outputKw;
    }
}

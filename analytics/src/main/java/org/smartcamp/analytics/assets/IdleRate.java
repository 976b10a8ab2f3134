package org.smartcamp.analytics.assets;

/**
 * The idle consumption used for an asset's idle litres.
 *
 * @param litresPerHour the rate
 * @param source        {@code measured} (fitted from the data), {@code asset} (its attribute) or {@code default}
 * @param r2            goodness of the fit when measured, else {@code NaN}
 * @param hours         hours of data behind the fit, 0 when not measured
 */
public record IdleRate(double litresPerHour, String source, double r2, int hours) {
}

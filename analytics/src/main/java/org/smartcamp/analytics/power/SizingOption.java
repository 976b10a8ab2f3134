package org.smartcamp.analytics.power;

/**
 * A plant of equal units that carries the sizing load: {@code unitsNeeded * unitKw * factor >= load}, plus one
 * spare unit (N+1).
 *
 * @param unitKw         unit rating
 * @param unitsNeeded    N
 * @param unitsToInstall N + 1
 * @param installedKw    {@code unitsToInstall * unitKw}
 */
public record SizingOption(double unitKw, int unitsNeeded, int unitsToInstall, double installedKw) {

    /** The option for units of {@code unitKw} carrying {@code requiredKw} (the load divided by the factor). */
    static SizingOption of(double unitKw, double requiredKw) {
        int n = Math.max(1, (int) Math.ceil(requiredKw / unitKw - 1e-9));
        return new SizingOption(unitKw, n, n + 1, (n + 1) * unitKw);
    }
}

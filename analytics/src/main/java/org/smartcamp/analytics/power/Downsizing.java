package org.smartcamp.analytics.power;

/**
 * A generator that ran lightly loaded over the whole sizing window, and the smaller standard unit that would carry
 * its own load.
 *
 * @param assetId        the generator
 * @param ratedKw        its rating
 * @param loadFactor     its mean load factor while running over the window
 * @param runningHours   its running hours over the window
 * @param p99Kw          the 99th percentile of its output while running
 * @param suggestedKw    the smallest standard unit with {@code suggestedKw * factor >= p99Kw}
 * @param litresSaved    {@code f0 * (ratedKw - suggestedKw) * runningHours}: the no-load fuel the smaller unit saves
 * @param litresPerDay   the same per day of the window
 */
public record Downsizing(String assetId, double ratedKw, double loadFactor, double runningHours, double p99Kw,
                         double suggestedKw, double litresSaved, double litresPerDay) {
}

package org.smartcamp.analytics.store;

/**
 * A camp as the analytics see it.
 *
 * @param id         camp id
 * @param missionId  its mission
 * @param name       display name
 * @param population people living there, or {@code null}
 * @param timezone   IANA zone, or {@code null}
 * @param settings   the camp's analytics settings overrides
 */
public record CampInfo(String id, String missionId, String name, Integer population, String timezone,
                       AnalyticsSettings settings) {
}

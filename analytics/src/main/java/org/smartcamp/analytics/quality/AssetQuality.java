package org.smartcamp.analytics.quality;

import org.smartcamp.ingest.catalogue.Figure;
import org.smartcamp.analytics.store.Subject;
import org.smartcamp.analytics.store.CurrentFigure;
import org.smartcamp.analytics.store.DailyFigure;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.power.CoveredValue;

/**
 * Data quality of one asset's sensors and the STALE_SENSOR and FLATLINE events found (one event per asset, kind and
 * start, listing every metric involved).
 *
 * @param assetId      the asset
 * @param sensors      each metric's quality
 * @param completeness mean completeness over the sensors with a known interval
 * @param events       STALE_SENSOR and FLATLINE events with their evidence
 */
public record AssetQuality(String assetId, List<SensorQuality> sensors, CoveredValue completeness,
                           List<DetectedEvent> events) {

    public AssetQuality {
        sensors = List.copyOf(sensors);
        events = List.copyOf(events);
    }

    /**
     * {@code analytics_daily} rows: the asset's completeness and each sensor's, for the UTC day the period starts
     * in (meaningful when the period is that day).
     */
    public List<DailyFigure> dailyFigures() {
        List<DailyFigure> rows = new ArrayList<>();
        if (sensors.isEmpty()) {
            return rows;
        }
        LocalDate day = LocalDate.ofInstant(sensors.get(0).from(), ZoneOffset.UTC);
        if (completeness.known()) {
            rows.add(new DailyFigure(Subject.ASSET, assetId, day, Figure.COMPLETENESS.id(), completeness.value(),
                Figure.COMPLETENESS.unit(), 1));
        }
        for (SensorQuality s : sensors) {
            if (s.completeness().known()) {
                rows.add(new DailyFigure(Subject.ASSET, assetId, day, Figure.COMPLETENESS_OF_METRIC.of(s.metric()),
                    s.completeness().value(), Figure.COMPLETENESS_OF_METRIC.unit(), 1));
            }
        }
        return rows;
    }

    /** {@code analytics_current} rows: seconds since each sensor was last seen, with its stale verdict. */
    public List<CurrentFigure> currentFigures() {
        List<CurrentFigure> rows = new ArrayList<>();
        for (SensorQuality s : sensors) {
            if (s.lastSeenAge() != null) {
                rows.add(new CurrentFigure(Subject.ASSET, assetId, Figure.LAST_SEEN_AGE_S.of(s.metric()),
                    s.lastSeenAge().toMillis() / 1000.0, Figure.LAST_SEEN_AGE_S.unit(), null, null, 1.0, s.asOf(),
                    java.util.Map.of("stale", s.stale(), "last_seen", s.lastSeen().toString())));
            }
        }
        return rows;
    }
}

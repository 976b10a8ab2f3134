package org.smartcamp.analytics.job;

import java.util.List;
import org.smartcamp.analytics.event.DetectedEvent;
import org.smartcamp.analytics.store.CurrentFigure;
import org.smartcamp.analytics.store.DailyFigure;
import org.smartcamp.analytics.store.HourlyFigure;

/**
 * What an analyzer found in one run: events (of the kinds it declares), daily, current and hourly figures.
 */
public record AnalysisOutput(List<DetectedEvent> events, List<DailyFigure> daily, List<CurrentFigure> current,
                             List<HourlyFigure> hourly) {

    public AnalysisOutput {
        events = List.copyOf(events);
        daily = List.copyOf(daily);
        current = List.copyOf(current);
        hourly = List.copyOf(hourly);
    }

    /** Events, daily and current figures, no hourly ones. */
    public AnalysisOutput(List<DetectedEvent> events, List<DailyFigure> daily, List<CurrentFigure> current) {
        this(events, daily, current, List.of());
    }

    /** Nothing found. */
    public static AnalysisOutput empty() {
        return new AnalysisOutput(List.of(), List.of(), List.of());
    }

    /** Only events. */
    public static AnalysisOutput events(List<DetectedEvent> events) {
        return new AnalysisOutput(events, List.of(), List.of());
    }

    /** Only daily figures. */
    public static AnalysisOutput daily(List<DailyFigure> daily) {
        return new AnalysisOutput(List.of(), daily, List.of());
    }
}

package org.smartcamp.analytics.power;

import org.smartcamp.ingest.catalogue.Figure;
import org.smartcamp.analytics.store.Subject;
import org.smartcamp.analytics.store.DailyFigure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Collects {@link DailyFigure} rows of one subject and day, leaving out unknown values. */
public final class DailyFigures {
    private final Subject subject;
    private final String subjectId;
    private final List<DailyFigure> rows = new ArrayList<>();
    private LocalDate day;

    /** Rows for {@code subject} {@code subjectId}. */
    public DailyFigures(Subject subject, String subjectId) {
        this.subject = subject;
        this.subjectId = subjectId;
    }

    /** Following rows are for the UTC day of {@code dayStart}. */
    public DailyFigures day(Instant dayStart) {
        this.day = LocalDate.ofInstant(dayStart, ZoneOffset.UTC);
        return this;
    }

    /** Adds {@code figure}, in its catalogue unit, when its value is known. */
    public DailyFigures add(Figure figure, CoveredValue v) {
        if (v.known() && Double.isFinite(v.value())) {
            rows.add(new DailyFigure(subject, subjectId, day, figure.id(), v.value(), figure.unit(), v.coverage()));
        }
        return this;
    }

    /** The rows collected. */
    public List<DailyFigure> rows() {
        return List.copyOf(rows);
    }
}

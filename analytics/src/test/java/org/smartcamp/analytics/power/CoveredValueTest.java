package org.smartcamp.analytics.power;

import org.smartcamp.analytics.store.Subject;
import org.smartcamp.analytics.store.DailyFigure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.series.Series;
import org.smartcamp.ingest.catalogue.Figure;

class CoveredValueTest {
    @Test
    void coverageIsClampedAndUnknownHasNone() {
        assertThat(new CoveredValue(5, 1.0000000001).coverage()).isEqualTo(1);
        assertThat(CoveredValue.unknown().known()).isFalse();
        assertThat(CoveredValue.unknown().orElse(7)).isEqualTo(7);
        assertThatThrownBy(() -> new CoveredValue(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dailyRowsLeaveUnknownValuesOut() {
        Instant day = Instant.parse("2026-03-02T00:00:00Z");

        var rows = new DailyFigures(Subject.ASSET, "g").day(day).add(Figure.RUNNING_H, new CoveredValue(2, 0.5))
            .add(Figure.STARTS, CoveredValue.unknown()).rows();

        assertThat(rows).containsExactly(
            new DailyFigure(Subject.ASSET, "g", LocalDate.of(2026, 3, 2), "running_h", 2.0, "h", 0.5));
    }

    @Test
    void theHistogramGivesSharesAndBounds() {
        LoadHistogram h = new LoadHistogram(0.1, new double[] {0, 3, 1}, 1);

        assertThat(h.share(1)).isEqualTo(0.75);
        assertThat(h.lowerBound(2)).isEqualTo(0.2);
        assertThat(h.bins()).isEqualTo(3);
    }

    @Test
    void evidenceKeepsTheWindowThinned() {
        long[] t = new long[1000];
        double[] v = new double[1000];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * 60_000L;
            v[i] = i;
        }
        Series s = Series.of(t, v);

        var points = EvidenceReadings.of(s, Instant.ofEpochMilli(0), Instant.ofEpochMilli(999 * 60_000L));

        assertThat(points).hasSizeLessThanOrEqualTo(EvidenceReadings.MAX_POINTS);
        assertThat(points.get(0).value()).isZero();
        assertThat(points.get(points.size() - 1).value()).isEqualTo(999);
    }
}

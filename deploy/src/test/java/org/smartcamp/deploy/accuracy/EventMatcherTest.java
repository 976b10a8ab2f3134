package org.smartcamp.deploy.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.accuracy.EventMatcher.Window;

class EventMatcherTest {
    private static final Instant T = Instant.parse("2026-03-02T00:00:00Z");
    private final EventMatcher matcher = new EventMatcher(Duration.ofMinutes(30));

    private static Window w(String asset, int startMin, int endMin) {
        return new Window(asset, T.plus(Duration.ofMinutes(startMin)), T.plus(Duration.ofMinutes(endMin)));
    }

    @Test
    void overlappingDetectionOfTheSameAssetIsATruePositive() {
        Score s = matcher.score(List.of(w("tank", 0, 45)), List.of(w("tank", 10, 60)));
        assertThat(s).isEqualTo(new Score(1, 0, 0));
    }

    @Test
    void detectionWithinTheToleranceMatchesOutsideItDoesNot() {
        assertThat(matcher.score(List.of(w("tank", 0, 45)), List.of(w("tank", 70, 80))).truePositives()).isOne();
        assertThat(matcher.score(List.of(w("tank", 0, 45)), List.of(w("tank", 80, 90))))
            .isEqualTo(new Score(0, 1, 1));
    }

    @Test
    void anotherAssetNeverMatchesAndEachEventIsUsedOnce() {
        Score s = matcher.score(List.of(w("tank", 0, 45)), List.of(w("day", 0, 45), w("tank", 0, 40),
            w("tank", 5, 40)));
        assertThat(s).isEqualTo(new Score(1, 2, 0));
    }

    @Test
    void scoresAddUpAcrossRunsBeforeRatios() {
        Score total = new Score(9, 0, 1).plus(new Score(1, 1, 0));
        assertThat(total.recall()).isEqualTo(10 / 11.0);
        assertThat(total.precision()).isEqualTo(10 / 11.0);
        assertThat(Score.NONE.recall()).isOne();
    }
}

package org.smartcamp.deploy.accuracy;

/**
 * How detected events compare with the events that really happened: true positives (a real event found),
 * false positives (a detection with no real event) and false negatives (a real event missed). Scores of several
 * runs add up, so recall and precision are computed over all of them, not averaged per run.
 */
public record Score(int truePositives, int falsePositives, int falseNegatives) {

    static final Score NONE = new Score(0, 0, 0);

    Score plus(Score other) {
        return new Score(truePositives + other.truePositives, falsePositives + other.falsePositives,
            falseNegatives + other.falseNegatives);
    }

    /** Share of real events found; 1 when there were none to find. */
    double recall() {
        int real = truePositives + falseNegatives;
        return real == 0 ? 1 : (double) truePositives / real;
    }

    /** Share of detections that were real; 1 when nothing was detected. */
    double precision() {
        int detected = truePositives + falsePositives;
        return detected == 0 ? 1 : (double) truePositives / detected;
    }
}

package org.smartcamp.analytics.fuel;

/**
 * A step in a tank's balance (fuel added or lost) with the windows that measure it.
 *
 * @param direction +1 for a rise, -1 for a drop
 * @param start     when the change began (epoch ms)
 * @param end       when it ended (epoch ms)
 * @param before    the window before
 * @param after     the window after
 */
record Step(int direction, long start, long end, Window before, Window after) {

    /** The change in litres, signed: the balance after minus the balance before. */
    double size() {
        return after.level() - before.level();
    }

    /** The change in the direction of the step (positive when it went the expected way). */
    double magnitude() {
        return direction * size();
    }

    /** The standard deviation of {@link #size()}. */
    double sd() {
        return Math.hypot(before.levelSd(), after.levelSd());
    }

    /**
     * A window of a balance series next to a step and the level it gives: the median of a quiet window, or for an
     * instant step the value at the step of a line through the nearest readings.
     *
     * @param from     first reading's time
     * @param to       last reading's time
     * @param level    the balance's level, litres
     * @param volume   the volume's level, litres
     * @param readings how many readings
     * @param spread   robust standard deviation of the readings (about their line for an instant step)
     * @param noiseSd  the sensor's noise there
     * @param levelSd  standard deviation of {@code level}
     * @param stable   whether the spread is within the allowed multiple of the noise
     */
    record Window(long from, long to, double level, double volume, int readings, double spread, double noiseSd,
                  double levelSd, boolean stable) {

        /** The middle of the window. */
        long mid() {
            return from + (to - from) / 2;
        }
    }
}

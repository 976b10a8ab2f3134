package org.smartcamp.deploy.bench;

import java.time.Duration;
import java.util.List;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.ingest.store.DatabaseConfig;

/**
 * What the API part of the bench seeds and how hard it drives the API.
 *
 * @param database    the database (the part works in a schema of its own, dropped afterwards)
 * @param camps       camps registered (in up to three missions, built from the bundled scenarios)
 * @param days        days of rollups, daily figures and events, ending at the current hour
 * @param rawDays     days of raw readings, ending at the current hour
 * @param rawInterval seconds between two raw readings of one series
 * @param clients     concurrency levels, each measured in turn (closed loop: a client sends its next request when
 *                    the previous one has been answered)
 * @param duration    how long each level is measured
 * @param warmup      how long the API is driven before the first level, not measured
 * @param poolSize    database connections of the API's pool
 */
public record ApiBenchOptions(DatabaseConfig database, int camps, int days, int rawDays, int rawInterval,
                              List<Integer> clients, Duration duration, Duration warmup, int poolSize) {

    /** The longest range the API serves at once by default: the bench asks for all its days in one request. */
    public static final long MAX_DAYS = ApiConfig.defaults().limits().maxRange().toDays();

    public ApiBenchOptions {
        clients = List.copyOf(clients);
        if (camps < 1 || days < 1 || days > MAX_DAYS || rawDays < 1 || rawDays > days || rawInterval < 1
            || clients.isEmpty() || clients.stream().anyMatch(c -> c < 1) || duration.isNegative()
            || duration.isZero() || warmup.isNegative() || poolSize < 1) {
            throw new IllegalArgumentException("API part: camps, days (at most " + MAX_DAYS + "), raw days (at most "
                + "days), the raw interval, every client count, the seconds per level and the pool size must be "
                + "positive; got camps " + camps + ", days " + days + ", raw days " + rawDays + ", raw interval "
                + rawInterval + " s, clients " + clients + ", seconds " + duration.toSeconds() + ", warm-up "
                + warmup.toSeconds() + " s, pool " + poolSize);
        }
    }
}

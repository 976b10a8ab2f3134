package org.smartcamp.deploy.bench;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.smartcamp.ingest.store.StorageEngine;

/**
 * The API bench's generator for other tests: registers camps built from the bundled scenarios and fills their
 * rollups, raw readings, figures, events and gateways ({@link YearOfData}) in an already migrated database.
 */
public final class SeededCamps {
    /** A seeded camp: its id, its mission and the id of one of its generators. */
    public record Camp(String id, String mission, String generator, List<String> gateways) {
    }

    private SeededCamps() {
    }

    /**
     * Registers {@code camps} camps and fills {@code days} days up to {@code end}, raw readings for the last
     * {@code rawDays} every {@code rawInterval} seconds.
     *
     * @return the camps, in registration order
     */
    public static List<Camp> fill(DataSource dataSource, StorageEngine engine, int camps, Instant end, int days,
                                  int rawDays, int rawInterval, Consumer<String> progress) throws SQLException {
        List<BenchInventory.Camp> registered = BenchInventory.register(dataSource, camps);
        new YearOfData(dataSource, engine, progress).fill(registered, end, days, rawDays, rawInterval);
        return registered.stream().map(c -> new Camp(c.id(), c.mission(), c.ofKind("generator").get(0).id(),
            c.gateways())).toList();
    }
}

package org.smartcamp.analytics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.smartcamp.analytics.fuel.Delivery;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.ingest.store.Transactions;

/** The recorded fuel deliveries ({@code fuel_deliveries}) the refuels are reconciled against. */
public final class DeliveryStore implements DeliverySource {
    private static final String DELIVERIES = "SELECT tank_id, delivered_at, litres, reference FROM fuel_deliveries"
        + " WHERE tank_id = ANY (?) AND delivered_at >= ? AND delivered_at < ? ORDER BY delivered_at, tank_id";

    private static final String FUEL_TANKS = "SELECT id FROM assets WHERE kind = 'fuel_tank' AND id = ANY (?)";
    private static final String RECORD = "INSERT INTO fuel_deliveries (tank_id, delivered_at, litres, reference)"
        + " VALUES (?, ?, ?, ?) ON CONFLICT (tank_id, delivered_at) DO UPDATE SET litres = excluded.litres,"
        + " reference = excluded.reference";

    private final DataSource dataSource;

    public DeliveryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Delivery> deliveries(List<String> tankIds, Instant from, Instant to) {
        if (tankIds.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(DELIVERIES)) {
            s.setArray(1, c.createArrayOf("text", tankIds.toArray()));
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            List<Delivery> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Delivery(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getDouble(3),
                        rs.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read fuel deliveries: " + e.getMessage(), e);
        }
    }

    /**
     * Records {@code deliveries} in one transaction (a delivery of the same tank and time replaces the one stored:
     * a corrected delivery note). Every tank must be a registered fuel tank.
     *
     * @return the deliveries written
     * @throws IllegalArgumentException naming the tanks that are not registered fuel tanks (nothing is written)
     * @throws StoreException when the database refuses (nothing is written)
     */
    public int record(List<Delivery> deliveries) {
        try (Connection c = dataSource.getConnection()) {
            List<String> ids = deliveries.stream().map(Delivery::tankId).distinct().toList();
            Set<String> known = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement(FUEL_TANKS)) {
                s.setArray(1, c.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getString(1));
                    }
                }
            }
            List<String> unknown = ids.stream().filter(id -> !known.contains(id)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("not registered fuel tanks: " + String.join(", ", unknown));
            }
            Transactions.run(c, tx -> {
                try (PreparedStatement s = tx.prepareStatement(RECORD)) {
                    for (Delivery d : deliveries) {
                        s.setString(1, d.tankId());
                        s.setTimestamp(2, Timestamp.from(d.deliveredAt()));
                        s.setDouble(3, d.litres());
                        s.setString(4, d.reference());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            });
            return deliveries.size();
        } catch (SQLException e) {
            throw new StoreException("cannot record fuel deliveries: " + e.getMessage(), e);
        }
    }
}

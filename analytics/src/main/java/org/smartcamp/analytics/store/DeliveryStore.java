package org.smartcamp.analytics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.smartcamp.analytics.fuel.Delivery;
import org.smartcamp.ingest.store.StoreException;

/** The recorded fuel deliveries ({@code fuel_deliveries}) the refuels are reconciled against. */
public final class DeliveryStore implements DeliverySource {
    private static final String DELIVERIES = "SELECT tank_id, delivered_at, litres, reference FROM fuel_deliveries"
        + " WHERE tank_id = ANY (?) AND delivered_at >= ? AND delivered_at < ? ORDER BY delivered_at, tank_id";

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
}

package org.smartcamp.analytics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.smartcamp.analytics.fuel.Delivery;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.ingest.store.Transactions;

/** The recorded fuel deliveries ({@code fuel_deliveries}) the refuels are reconciled against. */
public final class DeliveryStore implements DeliverySource {
    private static final String DELIVERIES = "SELECT tank_id, delivered_at, litres, reference FROM fuel_deliveries"
        + " WHERE camp_id = ? AND tank_id = ANY (?) AND delivered_at >= ? AND delivered_at < ?"
        + " ORDER BY delivered_at, tank_id";

    private static final String FUEL_TANKS = "SELECT id, camp_id FROM assets WHERE kind = 'fuel_tank'"
        + " AND id = ANY (?) ORDER BY camp_id";
    private static final String RECORD = "INSERT INTO fuel_deliveries (camp_id, tank_id, delivered_at, litres,"
        + " reference) VALUES (?, ?, ?, ?, ?) ON CONFLICT (camp_id, tank_id, delivered_at) DO UPDATE SET"
        + " litres = excluded.litres, reference = excluded.reference";

    /**
     * A delivery note as recorded: the camp of its tank ({@code null}: the one camp that has a fuel tank of that
     * id; asset ids are unique within their camp only) and the delivery.
     */
    public record Note(String campId, Delivery delivery) {
    }

    private final DataSource dataSource;

    public DeliveryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<Delivery> deliveries(String campId, List<String> tankIds, Instant from, Instant to) {
        if (tankIds.isEmpty()) {
            return List.of();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(DELIVERIES)) {
            s.setString(1, campId);
            s.setArray(2, c.createArrayOf("text", tankIds.toArray()));
            s.setTimestamp(3, Timestamp.from(from));
            s.setTimestamp(4, Timestamp.from(to));
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
     * a corrected delivery note). Every tank must be a registered fuel tank; a tank id that several camps have needs
     * its camp ({@link Note}).
     *
     * @return the deliveries written
     * @throws IllegalArgumentException naming the tanks that are not registered fuel tanks (of the camp given),
     *                                  and those several camps have when no camp is given (nothing is written)
     * @throws StoreException when the database refuses (nothing is written)
     */
    public int record(List<Note> notes) {
        try (Connection c = dataSource.getConnection()) {
            Map<String, List<String>> campsOfTank = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(FUEL_TANKS)) {
                s.setArray(1, c.createArrayOf("text", notes.stream().map(n -> n.delivery().tankId()).distinct()
                    .toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        campsOfTank.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            List<String> camps = new ArrayList<>();
            Set<String> unknown = new LinkedHashSet<>();
            Set<String> ambiguous = new LinkedHashSet<>();
            for (Note n : notes) {
                String tank = n.delivery().tankId();
                List<String> candidates = campsOfTank.getOrDefault(tank, List.of());
                if (candidates.isEmpty() || n.campId() != null && !candidates.contains(n.campId())) {
                    unknown.add(n.campId() == null ? tank : n.campId() + "/" + tank);
                } else if (n.campId() == null && candidates.size() > 1) {
                    ambiguous.add(tank + " (camps " + String.join(", ", candidates) + ")");
                }
                camps.add(n.campId() != null ? n.campId() : candidates.isEmpty() ? null : candidates.get(0));
            }
            if (!unknown.isEmpty() || !ambiguous.isEmpty()) {
                List<String> problems = new ArrayList<>();
                if (!unknown.isEmpty()) {
                    problems.add("not registered fuel tanks: " + String.join(", ", unknown));
                }
                if (!ambiguous.isEmpty()) {
                    problems.add("fuel tanks of several camps, give camp_id: " + String.join(", ", ambiguous));
                }
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            Transactions.run(c, tx -> {
                try (PreparedStatement s = tx.prepareStatement(RECORD)) {
                    for (int i = 0; i < notes.size(); i++) {
                        Delivery d = notes.get(i).delivery();
                        s.setString(1, camps.get(i));
                        s.setString(2, d.tankId());
                        s.setTimestamp(3, Timestamp.from(d.deliveredAt()));
                        s.setDouble(4, d.litres());
                        s.setString(5, d.reference());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            });
            return notes.size();
        } catch (SQLException e) {
            throw new StoreException("cannot record fuel deliveries: " + e.getMessage(), e);
        }
    }
}

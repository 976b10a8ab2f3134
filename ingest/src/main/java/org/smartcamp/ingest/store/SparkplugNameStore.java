package org.smartcamp.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.smartcamp.ingest.wire.sparkplug.SparkplugMapping;
import org.smartcamp.platform.DataSources;

/** Reads the Sparkplug B names the inventory set (table {@code sparkplug_names}) as the ingest's mapping. */
public final class SparkplugNameStore {
    private final DataSource dataSource;

    public SparkplugNameStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The mapping: the defaults, overridden by the inventory's names.
     *
     * @throws StoreException when the database cannot be read
     */
    public SparkplugMapping load() {
        Map<String, SparkplugMapping.Camp> camps = new HashMap<>();
        Map<String, String> devices = new HashMap<>();
        Map<String, String> metrics = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(Sql.SPARKPLUG_NAMES);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(2);
                String id = rs.getString(3);
                switch (rs.getString(1)) {
                    case "camp" -> {
                        int slash = id.indexOf('/');
                        camps.put(name, new SparkplugMapping.Camp(id.substring(0, slash), id.substring(slash + 1)));
                    }
                    case "device" -> devices.put(name, id);
                    default -> metrics.put(name, id);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the Sparkplug names: " + DataSources.rootMessage(e), e);
        }
        return new SparkplugMapping(camps, devices, metrics);
    }
}

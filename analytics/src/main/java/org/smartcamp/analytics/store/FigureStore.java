package org.smartcamp.analytics.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.smartcamp.ingest.store.StoreException;
import org.smartcamp.ingest.store.Transactions;

/**
 * Writes figures: {@code analytics_daily} (one row per subject, UTC day and figure) and {@code analytics_current}
 * (one row per subject and figure). Upserts, one transaction per call, so computing a figure again replaces it.
 */
public final class FigureStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DataSource dataSource;
    private final Clock clock;

    public FigureStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Inserts or replaces daily figures of camp {@code campId} (its own, or its assets': asset ids are unique within
     * their camp only); of one key, the last given wins.
     *
     * @return rows written
     * @throws StoreException when the database refuses (nothing is written)
     */
    public int upsertDaily(String campId, List<DailyFigure> figures) {
        Map<List<Object>, DailyFigure> unique = new LinkedHashMap<>();
        figures.forEach(f -> unique.put(List.of(f.subject(), f.subjectId(), f.day(), f.figure()), f));
        Timestamp now = Timestamp.from(clock.instant());
        return write(Sql.UPSERT_DAILY_FIGURE, List.copyOf(unique.values()), (s, f) -> {
            s.setString(1, f.subject().code());
            s.setString(2, f.subjectId());
            s.setDate(3, Date.valueOf(f.day()));
            s.setString(4, f.figure());
            setDouble(s, 5, f.value());
            s.setString(6, f.unit());
            s.setDouble(7, f.coverage());
            s.setTimestamp(8, now);
            s.setString(9, campId);
            s.setString(10, f.detail().isEmpty() ? null : json(f.detail()));
        });
    }

    /**
     * Inserts or replaces hourly figures of camp {@code campId} (its own or its assets'); of one key, the last wins.
     *
     * @return rows written
     * @throws StoreException when the database refuses (nothing is written)
     */
    public int upsertHourly(String campId, List<HourlyFigure> figures) {
        Map<List<Object>, HourlyFigure> unique = new LinkedHashMap<>();
        figures.forEach(f -> unique.put(List.of(f.subject(), f.subjectId(), f.hour(), f.figure()), f));
        Timestamp now = Timestamp.from(clock.instant());
        return write(Sql.UPSERT_HOURLY_FIGURE, List.copyOf(unique.values()), (s, f) -> {
            s.setString(1, f.subject().code());
            s.setString(2, f.subjectId());
            s.setTimestamp(3, Timestamp.from(f.hour()));
            s.setString(4, f.figure());
            setDouble(s, 5, f.value());
            s.setString(6, f.unit());
            s.setDouble(7, f.coverage());
            s.setTimestamp(8, now);
            s.setString(9, campId);
        });
    }

    /**
     * Inserts or replaces current figures of camp {@code campId} (its own or its assets'); of one key, the last wins.
     *
     * @return rows written
     * @throws StoreException when the database refuses (nothing is written)
     */
    public int upsertCurrent(String campId, List<CurrentFigure> figures) {
        Map<List<Object>, CurrentFigure> unique = new LinkedHashMap<>();
        figures.forEach(f -> unique.put(List.of(f.subject(), f.subjectId(), f.figure()), f));
        return write(Sql.UPSERT_CURRENT_FIGURE, List.copyOf(unique.values()), (s, f) -> {
            s.setString(1, f.subject().code());
            s.setString(2, f.subjectId());
            s.setString(3, f.figure());
            setDouble(s, 4, f.value());
            s.setString(5, f.unit());
            setDouble(s, 6, f.low());
            setDouble(s, 7, f.high());
            setDouble(s, 8, f.coverage());
            s.setTimestamp(9, f.asOf() == null ? null : Timestamp.from(f.asOf()));
            s.setString(10, json(f.detail()));
            s.setString(11, campId);
        });
    }

    private interface Binder<T> {
        void bind(PreparedStatement s, T row) throws SQLException;
    }

    private <T> int write(String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            Transactions.run(c, tx -> {
                try (PreparedStatement s = tx.prepareStatement(sql)) {
                    for (T row : rows) {
                        binder.bind(s, row);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            });
        } catch (SQLException e) {
            throw new StoreException("cannot store " + rows.size() + " figures: " + e.getMessage(), e);
        }
        return rows.size();
    }

    private static void setDouble(PreparedStatement s, int i, Double v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, v);
        }
    }

    private static String json(Map<String, Object> detail) {
        try {
            return JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("figure detail is not plain JSON: " + e.getOriginalMessage(), e);
        }
    }
}

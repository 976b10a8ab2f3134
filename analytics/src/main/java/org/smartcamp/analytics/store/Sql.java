package org.smartcamp.analytics.store;

/** The analytics store's SQL, in one place; every value goes through a bind parameter. */
final class Sql {
    /** UTC-aligned buckets, whatever the session's time zone (date_bin is fixed-width, unlike date_trunc). */
    private static final String ORIGIN = "TIMESTAMPTZ '2000-01-01 00:00:00+00'";

    /** (asset, metric, hour) buckets touched by readings received after a mark, and the latest arrival in each. */
    static final String ARRIVALS = "SELECT asset_ref, metric_id, date_bin(INTERVAL '1 hour', ts, " + ORIGIN + "),"
        + " max(received_at) FROM readings WHERE received_at > ? AND ts >= ? GROUP BY 1, 2, 3";

    static final String WATERMARK = "SELECT mark FROM analytics_watermark WHERE name = ?";
    static final String ADVANCE_WATERMARK = "INSERT INTO analytics_watermark AS w (name, mark, updated_at)"
        + " VALUES (?, ?, now()) ON CONFLICT (name) DO UPDATE SET mark = GREATEST(w.mark, excluded.mark),"
        + " updated_at = now()";

    static final String REWIND_WATERMARK = "UPDATE analytics_watermark SET mark = LEAST(mark, ?), updated_at = now()"
        + " WHERE name = ?";

    /** {@code r}: rollups are tables the job keeps; {@code v}: TimescaleDB continuous aggregates. */
    static final String ROLLUP_KIND = "SELECT relkind::text FROM pg_class WHERE relname = 'readings_hourly'"
        + " AND relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())";

    private static final String ROLLUP_SET = " ON CONFLICT (asset_ref, metric_id, bucket) DO UPDATE SET"
        + " samples = excluded.samples, avg = excluded.avg, min = excluded.min, max = excluded.max,"
        + " first = excluded.first, last = excluded.last";
    /** Recomputes the given hourly buckets from readings (plain PostgreSQL). */
    static final String UPSERT_HOURLY = "INSERT INTO readings_hourly (asset_ref, metric_id, bucket, samples, avg,"
        + " min, max, first, last) SELECT t.asset_ref, t.metric_id, t.bucket, count(*), avg(r.value), min(r.value),"
        + " max(r.value), (array_agg(r.value ORDER BY r.ts))[1], (array_agg(r.value ORDER BY r.ts DESC))[1]"
        + " FROM unnest(?::integer[], ?::integer[], ?::timestamptz[]) AS t(asset_ref, metric_id, bucket)"
        + " JOIN readings r ON r.asset_ref = t.asset_ref AND r.metric_id = t.metric_id AND r.ts >= t.bucket"
        + " AND r.ts < t.bucket + INTERVAL '1 hour' GROUP BY t.asset_ref, t.metric_id, t.bucket" + ROLLUP_SET;
    /** Recomputes the given daily buckets from the hourly ones, as the continuous aggregate does. */
    static final String UPSERT_DAILY = "INSERT INTO readings_daily (asset_ref, metric_id, bucket, samples, avg,"
        + " min, max, first, last) SELECT t.asset_ref, t.metric_id, t.bucket, sum(h.samples)::bigint,"
        + " sum(h.avg * h.samples) / sum(h.samples)::double precision, min(h.min), max(h.max),"
        + " (array_agg(h.first ORDER BY h.bucket))[1], (array_agg(h.last ORDER BY h.bucket DESC))[1]"
        + " FROM unnest(?::integer[], ?::integer[], ?::timestamptz[]) AS t(asset_ref, metric_id, bucket)"
        + " JOIN readings_hourly h ON h.asset_ref = t.asset_ref AND h.metric_id = t.metric_id"
        + " AND h.bucket >= t.bucket AND h.bucket < t.bucket + INTERVAL '24 hours'"
        + " GROUP BY t.asset_ref, t.metric_id, t.bucket" + ROLLUP_SET;
    static final String REFRESH_HOURLY = "CALL refresh_continuous_aggregate('readings_hourly', ?::timestamptz,"
        + " ?::timestamptz)";
    static final String REFRESH_DAILY = "CALL refresh_continuous_aggregate('readings_daily', ?::timestamptz,"
        + " ?::timestamptz)";

    static final String SERIES_BULK = "SELECT m.name, r.ts, r.value FROM readings r JOIN metrics m"
        + " ON m.id = r.metric_id WHERE r.asset_ref = ? AND m.name = ANY (?) AND r.ts >= ? AND r.ts < ?"
        + " ORDER BY r.metric_id, r.ts";
    private static final String ROLLUP_COLUMNS = "SELECT bucket, samples, avg, min, max, first, last FROM ";
    private static final String ROLLUP_WHERE = " WHERE asset_ref = ? AND metric_id = (SELECT id FROM metrics"
        + " WHERE name = ?) AND bucket >= ? AND bucket < ? ORDER BY bucket";
    static final String HOURLY = ROLLUP_COLUMNS + "readings_hourly" + ROLLUP_WHERE;
    static final String DAILY = ROLLUP_COLUMNS + "readings_daily" + ROLLUP_WHERE;
    /**
     * Five-minute bins in which any of the given assets reported (whether a camp's link was alive). The series
     * present come from the hourly rollup, so each lookup into readings uses its whole primary key.
     */
    static final String ACTIVITY = "SELECT DISTINCT date_bin(INTERVAL '5 minutes', r.ts, " + ORIGIN + ") AS bin"
        + " FROM (SELECT DISTINCT asset_ref, metric_id FROM readings_hourly WHERE asset_ref = ANY (?)"
        + " AND bucket >= ? AND bucket < ?) p JOIN readings r ON r.asset_ref = p.asset_ref"
        + " AND r.metric_id = p.metric_id AND r.ts >= ? AND r.ts < ? ORDER BY bin";

    static final String METRICS_OF = "SELECT DISTINCT m.name FROM readings_daily d JOIN metrics m ON m.id = d.metric_id"
        + " WHERE d.asset_ref = ? AND d.bucket >= ? AND d.bucket < ? ORDER BY 1";

    static final String CAMPS = "SELECT id, mission_id, name, population, timezone, attributes::text FROM camps";
    static final String ASSETS = "SELECT a.ref, a.id, a.camp_id, a.kind, a.name, a.rated_kw, a.rated_kva,"
        + " a.fuel_f0, a.fuel_f1, a.capacity_l, a.unusable_l, a.strapping::text, a.rated_kwp, a.capacity_kwh,"
        + " a.fuel_capacity_l, a.service_interval_h, a.supply_tank_id, a.attributes::text FROM assets a";
    static final String METRIC_NAMES = "SELECT id, name FROM metrics";

    static final String STORED_EVENTS = "SELECT id, asset_id, kind, starts_at, ends_at, quantity, unit, status,"
        + " revision FROM analytics_events WHERE camp_id = ? AND asset_id = ANY (?) AND kind = ANY (?)"
        + " AND starts_at < ? AND ends_at >= ? ORDER BY starts_at, id FOR UPDATE";
    static final String INSERT_EVENT = "INSERT INTO analytics_events (camp_id, asset_id, kind, starts_at, ends_at,"
        + " quantity, unit, evidence, detected_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)"
        + " RETURNING id";
    static final String REVISE_EVENT = "UPDATE analytics_events SET starts_at = ?, ends_at = ?, quantity = ?,"
        + " unit = ?, updated_at = ?, evidence = ?::jsonb, status = 'active', retracted_reason = NULL,"
        + " revision = revision + 1 WHERE id = ?";
    static final String REFRESH_EVENT_EVIDENCE = "UPDATE analytics_events SET evidence = ?::jsonb WHERE id = ?";
    static final String RETRACT_EVENT = "UPDATE analytics_events SET status = 'retracted', retracted_reason = ?,"
        + " updated_at = ?, revision = revision + 1 WHERE id = ?";
    static final String INSERT_EVENT_REVISION = "INSERT INTO analytics_event_revisions (event_id, revision, at,"
        + " status, starts_at, ends_at, quantity, unit, change) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String EVENTS = "SELECT camp_id, asset_id, kind, starts_at, ends_at, quantity, unit, evidence::text,"
        + " id, status, revision FROM analytics_events WHERE camp_id = ? AND asset_id = ? AND starts_at >= ?"
        + " AND starts_at < ?"
        + " AND status = 'active' ORDER BY starts_at, kind";

    static final String UPSERT_DAILY_FIGURE = "INSERT INTO analytics_daily (subject_kind, subject_id, day, figure,"
        + " value, unit, coverage, computed_at, camp_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
        + " ON CONFLICT (subject_kind, camp_id, subject_id, day, figure) DO UPDATE SET value = excluded.value,"
        + " unit = excluded.unit, coverage = excluded.coverage, computed_at = excluded.computed_at,"
        + " detail = excluded.detail";
    static final String UPSERT_HOURLY_FIGURE = "INSERT INTO analytics_hourly (subject_kind, subject_id, hour, figure,"
        + " value, unit, coverage, computed_at, camp_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (subject_kind, camp_id, subject_id, hour, figure) DO UPDATE SET value = excluded.value,"
        + " unit = excluded.unit, coverage = excluded.coverage, computed_at = excluded.computed_at";
    static final String UPSERT_CURRENT_FIGURE = "INSERT INTO analytics_current (subject_kind, subject_id, figure,"
        + " value, unit, low, high, coverage, as_of, detail, camp_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)"
        + " ON CONFLICT (subject_kind, camp_id, subject_id, figure) DO UPDATE SET value = excluded.value,"
        + " unit = excluded.unit, low = excluded.low, high = excluded.high, coverage = excluded.coverage,"
        + " as_of = excluded.as_of, detail = excluded.detail";

    private Sql() {
    }
}

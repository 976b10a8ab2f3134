package org.smartcamp.api.store;

/**
 * Every SQL statement of the API, with bind parameters only. Identifiers spliced into the bucketed templates
 * come from the fixed {@link Bucket} table, never from a request.
 */
public final class Queries {
    private Queries() {
    }

    static final String MISSIONS_ALL = "SELECT id FROM missions";
    static final String CAMPS_ALL = "SELECT id, mission_id, name FROM camps";
    static final String ASSETS_ALL = "SELECT ref, id, camp_id, kind FROM assets";
    static final String METRICS_ALL = "SELECT id, name, unit, personal FROM metrics";
    /** The tank each asset of a camp draws from (a generator's or vehicle's tank, a day tank's bulk tank). */
    static final String SUPPLY_TANKS = "SELECT id, supply_tank_id FROM assets WHERE camp_id = ? "
        + "AND supply_tank_id IS NOT NULL ORDER BY id";

    static final String MISSIONS = "SELECT m.id, m.name, m.registered, m.created_at, m.updated_at, "
        + "(SELECT count(*) FROM camps c WHERE c.mission_id = m.id AND c.id = ANY(?)) AS camps "
        + "FROM missions m WHERE m.id = ANY(?) AND m.id > ? ORDER BY m.id LIMIT ?";

    static final String CAMPS = "SELECT c.id, c.mission_id, c.name, c.latitude, c.longitude, c.population, "
        + "c.timezone, c.registered, c.created_at, c.updated_at, "
        + "(SELECT count(*) FROM assets a WHERE a.camp_id = c.id) AS assets "
        + "FROM camps c WHERE c.id = ANY(?) AND c.id > ? ORDER BY c.id LIMIT ?";

    private static final String ASSET_COLUMNS = "SELECT id, camp_id, kind, name, registered, rated_kw, rated_kva, "
        + "fuel_f0, fuel_f1, capacity_l, unusable_l, strapping, rated_kwp, capacity_kwh, fuel_capacity_l, "
        + "service_interval_h, attributes, first_seen_at, created_at, updated_at FROM assets ";

    /** Asset ids are unique within their camp only: the listing's order and cursor are (id, camp). */
    static final String ASSETS = ASSET_COLUMNS + "WHERE camp_id = ANY(?) AND kind = ANY(?) AND (id, camp_id) > (?, ?) "
        + "ORDER BY id, camp_id LIMIT ?";

    static final String ASSET = ASSET_COLUMNS + "WHERE camp_id = ? AND id = ?";

    static final String METRICS = "SELECT id, name, unit, kind, description, personal FROM metrics ORDER BY name";

    static final String READINGS_RAW = "SELECT asset_ref, metric_id, ts, value, quality FROM readings "
        + "WHERE asset_ref = ANY(?) AND metric_id = ANY(?) AND ts >= ? AND ts < ? "
        + "AND (asset_ref, metric_id, ts) > (?, ?, ?) ORDER BY asset_ref, metric_id, ts LIMIT ?";

    /** Buckets stored as rows (readings_hourly, readings_daily): {@code %s} is the table. */
    static final String READINGS_ROLLUP = "SELECT asset_ref, metric_id, bucket, samples, avg, min, max, first, last "
        + "FROM %s WHERE asset_ref = ANY(?) AND metric_id = ANY(?) AND bucket >= ? AND bucket < ? "
        + "AND (asset_ref, metric_id, bucket) > (?, ?, ?) ORDER BY asset_ref, metric_id, bucket LIMIT ?";

    /** Buckets of raw readings by date_bin; the cursor is the start of the next bucket. */
    static final String READINGS_BINNED_RAW = "SELECT asset_ref, metric_id, "
        + "date_bin(?::interval, ts, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS b, count(*), avg(value), min(value), "
        + "max(value), (array_agg(value ORDER BY ts))[1], (array_agg(value ORDER BY ts DESC))[1] FROM readings "
        + "WHERE asset_ref = ANY(?) AND metric_id = ANY(?) AND ts >= ? AND ts < ? "
        + "AND (asset_ref, metric_id, ts) >= (?, ?, ?) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LIMIT ?";

    /** Buckets of stored rollup rows by date_bin (6h, 12h from hourly; 7d from daily): {@code %s} is the table. */
    static final String READINGS_BINNED_ROLLUP = "SELECT asset_ref, metric_id, "
        + "date_bin(?::interval, bucket, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS b, sum(samples), "
        + "sum(avg * samples) / nullif(sum(samples), 0), min(min), max(max), (array_agg(first ORDER BY bucket))[1], "
        + "(array_agg(last ORDER BY bucket DESC))[1] FROM %s "
        + "WHERE asset_ref = ANY(?) AND metric_id = ANY(?) AND bucket >= ? AND bucket < ? "
        + "AND (asset_ref, metric_id, bucket) >= (?, ?, ?) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3 LIMIT ?";

    /**
     * The requested camps and assets (an asset subject is one of the asset ids in one of the asset camps: asset ids
     * are unique within their camp only); the BETWEEN bounds let the primary key narrow each kind's scan.
     */
    private static final String SUBJECTS = "((subject_kind = 'camp' AND camp_id = ANY(?) AND subject_id = ANY(?) "
        + "AND subject_id BETWEEN ? AND ?) OR (subject_kind = 'asset' AND camp_id = ANY(?) AND subject_id = ANY(?) "
        + "AND subject_id BETWEEN ? AND ?)) AND figure LIKE ANY(?) ";

    /**
     * The figures of one subject kind, in index order ((kind, camp, subject, time, figure) is the primary key):
     * {@code subject_id BETWEEN} the least and greatest id bounds the primary-key scan to the requested subjects
     * (without it the ordered scan with a LIMIT walked the whole table, filtering; 75 ms for a camp's year of daily
     * rows against 6 ms).
     */
    private static final String OF_KIND = "subject_kind = ? AND camp_id = ANY(?) AND subject_id = ANY(?) "
        + "AND subject_id BETWEEN ? AND ? AND figure LIKE ANY(?) ";

    static final String FIGURES_DAILY = "SELECT subject_kind, subject_id, day, figure, value, unit, coverage, "
        + "computed_at, camp_id, detail FROM analytics_daily WHERE " + OF_KIND + "AND day >= ? AND day < ? "
        + "AND (camp_id, subject_id, day, figure) > (?, ?, ?, ?) ORDER BY camp_id, subject_id, day, figure LIMIT ?";

    /** A tank's daily accounts (figure fuel_residual_l with the account in its detail), by day. */
    static final String CAMP_TIMEZONE = "SELECT timezone FROM camps WHERE id = ?";

    static final String TANK_ACCOUNTS = "SELECT day, value, coverage, computed_at, detail FROM analytics_daily "
        + "WHERE subject_kind = 'asset' AND camp_id = ? AND subject_id = ? AND figure = 'fuel_residual_l' "
        + "AND day >= ? AND day < ? ORDER BY day LIMIT ?";

    static final String FIGURES_HOURLY = "SELECT subject_kind, subject_id, hour, figure, value, unit, coverage, "
        + "computed_at, camp_id FROM analytics_hourly WHERE " + OF_KIND + "AND hour >= ? AND hour < ? "
        + "AND (camp_id, subject_id, hour, figure) > (?, ?, ?, ?) ORDER BY camp_id, subject_id, hour, figure LIMIT ?";

    /**
     * Daily figures per UTC month: figures in litres, kWh, hours, kg or counts are summed over the month's days,
     * others averaged weighted by coverage; a month's coverage is its days' coverage summed over the days of the
     * month inside the range (a day without a row counts as uncovered, never as zero).
     */
    static final String FIGURES_MONTHLY = "WITH d AS (SELECT subject_kind, camp_id, subject_id, "
        + "date_trunc('month', day)::date AS month, figure, value, unit, coverage, computed_at FROM analytics_daily "
        + "WHERE " + SUBJECTS + "AND day >= ? AND day < ?) SELECT subject_kind, subject_id, month, figure, CASE WHEN "
        + "min(unit) IN ('L', 'kWh', 'h', 'kg', 'count') THEN sum(value) ELSE sum(value * coverage) / "
        + "nullif(sum(coverage) FILTER (WHERE value IS NOT NULL), 0) END, min(unit), least(1, sum(coverage) / "
        + "(least((month + interval '1 month')::date, ?::date) - greatest(month, ?::date))), max(computed_at), "
        + "camp_id FROM d WHERE (subject_kind, camp_id, subject_id, month, figure) > (?, ?, ?, ?, ?) "
        + "GROUP BY subject_kind, camp_id, subject_id, month, figure "
        + "ORDER BY subject_kind, camp_id, subject_id, month, figure LIMIT ?";

    static final String FIGURES_CURRENT = "SELECT subject_kind, subject_id, figure, value, unit, low, high, "
        + "coverage, as_of, detail, camp_id FROM analytics_current WHERE " + SUBJECTS
        + "AND (subject_kind, camp_id, subject_id, figure) > (?, ?, ?, ?) "
        + "ORDER BY subject_kind, camp_id, subject_id, figure LIMIT ?";

    static final String COVERAGE = "SELECT subject_kind, subject_id, count(DISTINCT day), avg(coverage), "
        + "min(coverage), count(*) FILTER (WHERE coverage < ?), camp_id FROM analytics_daily WHERE " + SUBJECTS
        + "AND day >= ? AND day < ? GROUP BY subject_kind, camp_id, subject_id "
        + "ORDER BY subject_kind, camp_id, subject_id";

    private static final String EVENT_COLUMNS = "id, camp_id, asset_id, kind, starts_at, ends_at, quantity, unit, "
        + "detected_at, status, revision, updated_at";

    static final String EVENTS = "SELECT " + EVENT_COLUMNS + ", evidence->>'explanation', "
        + "jsonb_build_object('metric', evidence->'metric', 'figures', evidence->'figures') FROM analytics_events "
        + "WHERE camp_id = ANY(?) AND (cardinality(?::text[]) = 0 OR asset_id = ANY(?)) AND kind = ANY(?) "
        + "AND status = ANY(?) AND starts_at < ? AND ends_at >= ? AND (starts_at, id) > (?, ?) "
        + "ORDER BY starts_at, id LIMIT ?";

    static final String EVENT = "SELECT " + EVENT_COLUMNS + ", evidence, retracted_reason FROM analytics_events "
        + "WHERE id = ?";

    static final String EVENT_HISTORY = "SELECT revision, at, status, starts_at, ends_at, quantity, unit, change "
        + "FROM analytics_event_revisions WHERE event_id = ? ORDER BY revision";

    /** Metrics the catalogue does not know (still unregistered) that a gateway sent: its count and readings. */
    private static final String UNKNOWN_OF_GATEWAY = "FROM gateway_unknown_metrics u JOIN metrics m "
        + "ON m.id = u.metric_id AND NOT m.registered WHERE u.camp_id = g.camp_id AND u.gateway_id = g.id";

    static final String GATEWAYS = "SELECT g.camp_id, g.id, g.last_seq, g.last_sent_at, g.last_received_at, "
        + "g.messages, (SELECT count(*) " + UNKNOWN_OF_GATEWAY + "), (SELECT coalesce(sum(u.readings), 0) "
        + UNKNOWN_OF_GATEWAY + "), g.status, g.status_changed_at "
        + "FROM gateways g WHERE g.camp_id = ANY(?) ORDER BY g.camp_id, g.id";

    /** The gateways of that id in these camps (gateways are keyed by camp and id). */
    static final String GATEWAY = "SELECT g.camp_id, g.id, g.last_seq, g.last_sent_at, g.last_received_at, "
        + "g.messages, (SELECT count(*) " + UNKNOWN_OF_GATEWAY + "), (SELECT coalesce(sum(u.readings), 0) "
        + UNKNOWN_OF_GATEWAY + "), g.status, g.status_changed_at "
        + "FROM gateways g WHERE g.camp_id = ANY(?) AND g.id = ? ORDER BY g.camp_id";

    /** A gateway's unknown metrics with their first and last sighting. */
    static final String GATEWAY_UNKNOWN_METRICS = "SELECT m.name, m.unit, u.first_seen_at, u.last_seen_at, u.readings "
        + "FROM gateway_unknown_metrics u JOIN metrics m ON m.id = u.metric_id AND NOT m.registered "
        + "WHERE u.camp_id = ? AND u.gateway_id = ? ORDER BY m.name";

    /**
     * Entries in a range, of one principal or all, that the reader may see: every entry for a reader of every
     * mission, else those covering at least one mission or camp and only missions and camps the reader sees.
     */
    /** The last parameter but one keeps only the entries of requests that read personal data when true. */
    static final String AUDIT = "SELECT id, at, principal, role, method, path, query, status, rows, export, remote, "
        + "duration_ms, to_jsonb(missions) AS missions, to_jsonb(camps) AS camps, "
        + "to_jsonb(personal_metrics) AS personal_metrics, to_jsonb(personal_assets) AS personal_assets, "
        + "personal_from, personal_to FROM api_audit "
        + "WHERE at >= ? AND at < ? AND (? = '' OR principal = ?) AND id > ? AND (? OR (cardinality(missions) "
        + "+ cardinality(camps) > 0 AND missions <@ ?::text[] AND camps <@ ?::text[])) "
        + "AND (NOT ? OR cardinality(personal_metrics) > 0) ORDER BY id LIMIT ?";

    static final String AUDIT_INSERT = "INSERT INTO api_audit (at, principal, role, method, path, query, status, "
        + "rows, export, remote, duration_ms, missions, camps, personal_metrics, personal_assets, personal_from, "
        + "personal_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String KEY_INSERT = "INSERT INTO api_keys (id, name, secret_sha256, role, missions, camps, "
        + "expires_at, location) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    static final String KEY_REVOKE = "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";

    static final String KEY_COLUMNS = "id, name, role, missions, camps, created_at, expires_at, revoked_at, "
        + "location";

    static final String KEY_LIST = "SELECT " + KEY_COLUMNS + " FROM api_keys ORDER BY id";

    static final String KEY_BY_HASH = "SELECT " + KEY_COLUMNS + " FROM api_keys WHERE secret_sha256 = ?";

    static final String PING = "SELECT 1";
}

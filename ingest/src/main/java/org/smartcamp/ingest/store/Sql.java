package org.smartcamp.ingest.store;

/** The store's SQL, in one place; every value goes through a bind parameter. */
final class Sql {
    static final String REGISTER_MISSION = "INSERT INTO missions (id, name, registered) VALUES (?, ?, false)"
        + " ON CONFLICT (id) DO NOTHING";
    static final String REGISTER_CAMP = "INSERT INTO camps (id, mission_id, name, registered) VALUES (?, ?, ?, false)"
        + " ON CONFLICT (id) DO NOTHING";
    /**
     * Assets and metrics are registered set-wise, and only those not stored yet: rows the NOT EXISTS drops never
     * reach the identity's nextval. ON CONFLICT only covers a race with another ingest replica.
     */
    static final String REGISTER_ASSETS = "INSERT INTO assets (id, camp_id, kind, registered, first_seen_at, status)"
        + " SELECT n.id, n.camp_id, 'unknown', false, ?, CASE WHEN coalesce(c.auto_register, ?) THEN 'active'"
        + " ELSE 'provisional' END FROM unnest(?::text[], ?::text[]) AS n(id, camp_id)"
        + " LEFT JOIN camps c ON c.id = n.camp_id"
        + " WHERE NOT EXISTS (SELECT 1 FROM assets a WHERE a.camp_id = n.camp_id AND a.id = n.id)"
        + " ON CONFLICT (camp_id, id) DO NOTHING";
    /** Readings of provisional assets, held out of the camps' data; a redelivered message holds them once. */
    static final String QUARANTINE = "INSERT INTO quarantined_readings (asset_ref, metric_id, ts, value, quality,"
        + " received_at, camp_id, reason) SELECT * FROM unnest(?::integer[], ?::integer[], ?::timestamptz[],"
        + " ?::float8[], ?::smallint[], ?::timestamptz[], ?::text[], ?::text[]) ON CONFLICT DO NOTHING";
    static final String REGISTER_METRICS = "INSERT INTO metrics (name, unit, registered)"
        + " SELECT n.name, n.unit, false FROM unnest(?::text[], ?::text[]) AS n(name, unit)"
        + " WHERE NOT EXISTS (SELECT 1 FROM metrics m WHERE m.name = n.name) ON CONFLICT (name) DO NOTHING";
    /** The catalogue's rows (CatalogueSeeder): labels follow the code; a kind or metric is never deleted. */
    static final String CREATE_ASSET_KINDS = "CREATE TABLE IF NOT EXISTS asset_kinds (code text PRIMARY KEY"
        + " CHECK (code ~ '^[a-z][a-z0-9_]{0,31}$'), label_en text NOT NULL, label_fr text NOT NULL)";
    static final String SEED_ASSET_KIND = "INSERT INTO asset_kinds (code, label_en, label_fr) VALUES (?, ?, ?)"
        + " ON CONFLICT (code) DO UPDATE SET label_en = EXCLUDED.label_en, label_fr = EXCLUDED.label_fr";
    /**
     * A metric already stored keeps its unit when it has one: a gateway may have registered it before the catalogue
     * knew it, and its stored values are in that unit (the consistency check reports the difference).
     */
    static final String SEED_METRIC = "INSERT INTO metrics (name, unit, kind, description, registered)"
        + " VALUES (?, ?, ?, ?, true) ON CONFLICT (name) DO UPDATE SET unit = coalesce(metrics.unit, EXCLUDED.unit),"
        + " kind = EXCLUDED.kind, description = EXCLUDED.description, registered = true";
    static final String KIND_CHECKS = "SELECT conname FROM pg_constraint WHERE conrelid = 'assets'::regclass"
        + " AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%kind%'";
    static final String DROP_ASSET_CONSTRAINT = "ALTER TABLE assets DROP CONSTRAINT ";
    static final String KIND_FOREIGN_KEY = "ALTER TABLE assets ADD CONSTRAINT assets_kind_fkey"
        + " FOREIGN KEY (kind) REFERENCES asset_kinds (code)";
    static final String ASSET_KINDS = "SELECT code, label_en, label_fr FROM asset_kinds ORDER BY code";
    static final String REGISTERED_METRICS = "SELECT name, unit, kind, description, personal::text FROM metrics"
        + " WHERE registered ORDER BY name";
    /** The catalogue's personal flag (migration 23 on): a metric not in the catalogue keeps what an admin set. */
    static final String SEED_PERSONAL = "UPDATE metrics SET personal = ? WHERE name = ?"
        + " AND personal IS DISTINCT FROM ?";
    /**
     * Migration 23: which metrics are personal data, the {@code location} grant of API keys, and what personal data
     * an audited request read (empty arrays and nulls for every other request).
     */
    static final String[] PRIVACY_SCHEMA = {
        "ALTER TABLE metrics ADD COLUMN personal boolean NOT NULL DEFAULT false",
        "COMMENT ON COLUMN metrics.personal IS 'personal data (positions): location grant, audit, short retention'",
        "ALTER TABLE api_keys ADD COLUMN location text[] NOT NULL DEFAULT '{}'",
        "COMMENT ON COLUMN api_keys.location IS 'camps or missions (or *) whose personal metrics the key may read'",
        "ALTER TABLE api_audit ADD COLUMN personal_metrics text[] NOT NULL DEFAULT '{}',"
            + " ADD COLUMN personal_assets text[] NOT NULL DEFAULT '{}', ADD COLUMN personal_from timestamptz,"
            + " ADD COLUMN personal_to timestamptz",
        "COMMENT ON COLUMN api_audit.personal_metrics IS 'personal metrics the answer held; empty for none'",
        "COMMENT ON COLUMN api_audit.personal_assets IS 'camp/asset of each asset whose personal metrics it held'",
        "CREATE INDEX api_audit_personal_idx ON api_audit (at) WHERE cardinality(personal_metrics) > 0",
    };
    static final String CAMPS_BY_ID = "SELECT id, mission_id, strict_metrics FROM camps WHERE id = ANY (?)";
    static final String ASSETS_BY_KEY = "SELECT a.ref, a.id, a.camp_id, a.status = 'provisional' FROM assets a"
        + " JOIN unnest(?::text[], ?::text[]) AS n(id, camp_id) ON a.camp_id = n.camp_id AND a.id = n.id";
    static final String METRICS_BY_NAME = "SELECT id, name, unit, registered FROM metrics WHERE name = ANY (?)";

    static final String COPY_READINGS = "COPY readings (asset_ref, metric_id, ts, value, quality, received_at)"
        + " FROM STDIN WITH (FORMAT binary)";
    /** Per-connection staging table: COPY lands here, then one INSERT .. ON CONFLICT DO NOTHING dedupes. */
    static final String CREATE_STAGING = "CREATE TEMP TABLE IF NOT EXISTS staging_readings ("
        + "asset_ref integer, metric_id integer, ts timestamptz, value double precision, quality smallint,"
        + " received_at timestamptz) ON COMMIT DELETE ROWS";
    static final String COPY_STAGING = "COPY pg_temp.staging_readings (asset_ref, metric_id, ts, value, quality,"
        + " received_at) FROM STDIN WITH (FORMAT binary)";
    static final String MERGE_STAGING = "INSERT INTO readings (asset_ref, metric_id, ts, value, quality, received_at)"
        + " SELECT asset_ref, metric_id, ts, value, quality, received_at FROM pg_temp.staging_readings"
        + " ON CONFLICT (asset_ref, metric_id, ts) DO NOTHING";
    static final String INSERT_DEAD_LETTER = "INSERT INTO dead_letters (received_at, topic, payload, reason_code,"
        + " detail, digest) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (digest) DO NOTHING";
    /** The newest status wins, by when its message arrived; a message that says none leaves it. */
    static final String UPSERT_GATEWAY = "INSERT INTO gateways AS g (camp_id, id, last_seq, last_sent_at,"
        + " last_received_at, messages, status, status_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (camp_id, id) DO UPDATE SET"
        + " status = CASE WHEN excluded.status IS NOT NULL AND (g.status_changed_at IS NULL"
        + " OR excluded.status_changed_at >= g.status_changed_at) THEN excluded.status ELSE g.status END,"
        + " status_changed_at = CASE WHEN excluded.status IS NOT NULL AND (g.status_changed_at IS NULL"
        + " OR excluded.status_changed_at >= g.status_changed_at) THEN excluded.status_changed_at"
        + " ELSE g.status_changed_at END,"
        + " last_seq = CASE WHEN excluded.last_received_at >= g.last_received_at AND excluded.last_seq IS NOT NULL"
        + " THEN excluded.last_seq ELSE g.last_seq END,"
        + " last_sent_at = GREATEST(g.last_sent_at, excluded.last_sent_at),"
        + " last_received_at = GREATEST(g.last_received_at, excluded.last_received_at),"
        + " messages = g.messages + excluded.messages";
    /** Each gateway's readings of metrics the catalogue does not know: when first and last seen, how many. */
    static final String UPSERT_UNKNOWN_METRIC = "INSERT INTO gateway_unknown_metrics AS u (camp_id, gateway_id,"
        + " metric_id, first_seen_at, last_seen_at, readings) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (camp_id,"
        + " gateway_id, metric_id) DO UPDATE SET first_seen_at = LEAST(u.first_seen_at, excluded.first_seen_at),"
        + " last_seen_at = GREATEST(u.last_seen_at, excluded.last_seen_at), readings = u.readings + excluded.readings";
    static final String UPSERT_SESSION = "INSERT INTO wire_sessions (format, session_key, state, updated_at)"
        + " VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (format, session_key) DO UPDATE SET state = excluded.state,"
        + " updated_at = excluded.updated_at";
    static final String INSERT_SEEN = "INSERT INTO wire_seen_messages (format, digest, received_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (digest) DO NOTHING";
    static final String SESSIONS = "SELECT session_key, state::text FROM wire_sessions WHERE format = ?";
    static final String RECENT_SEEN = "SELECT digest FROM wire_seen_messages WHERE format = ? ORDER BY id DESC"
        + " LIMIT ?";
    static final String PRUNE_SEEN = "DELETE FROM wire_seen_messages WHERE format = ? AND id < (SELECT min(id) FROM"
        + " (SELECT id FROM wire_seen_messages WHERE format = ? ORDER BY id DESC LIMIT ?) AS newest)";
    static final String SPARKPLUG_NAMES = "SELECT kind, sparkplug_name, smartcamp_id FROM sparkplug_names";
    static final String DELETE_EXPIRED = "DELETE FROM readings WHERE ctid = ANY (ARRAY("
        + "SELECT ctid FROM readings WHERE ts < ? LIMIT ?))";
    /**
     * Personal metrics' rows past their shorter retention, in chunks, from a table of readings or rollups: {@code %1$s}
     * is the table (a fixed name, or a continuous aggregate's materialization table as TimescaleDB's catalogue names
     * it, quoted), {@code %2$s} its time column. A plain DELETE by the unique key on both engines: on a hypertable
     * the chunks also hold every other metric, and a ctid is only unique within one chunk.
     */
    static final String DELETE_EXPIRED_PERSONAL = "DELETE FROM %1$s WHERE (asset_ref, metric_id, %2$s) IN ("
        + "SELECT asset_ref, metric_id, %2$s FROM %1$s WHERE metric_id = ANY (SELECT id FROM metrics WHERE personal)"
        + " AND %2$s < ? LIMIT ?)";
    /** The materialization table of a continuous aggregate of the current schema, quoted, or no row. */
    static final String CAGG_MATERIALIZATION = "SELECT format('%I.%I', materialization_hypertable_schema,"
        + " materialization_hypertable_name) FROM timescaledb_information.continuous_aggregates"
        + " WHERE view_schema = current_schema() AND view_name = ?";

    private Sql() {
    }
}

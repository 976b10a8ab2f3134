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
        + " WHERE NOT EXISTS (SELECT 1 FROM assets a WHERE a.id = n.id) ON CONFLICT (id) DO NOTHING";
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
    static final String REGISTERED_METRICS = "SELECT name, unit, kind, description FROM metrics WHERE registered"
        + " ORDER BY name";
    static final String CAMPS_BY_ID = "SELECT id, mission_id FROM camps WHERE id = ANY (?)";
    static final String ASSETS_BY_ID = "SELECT ref, id, camp_id, status = 'provisional' FROM assets WHERE id = ANY (?)";
    static final String METRICS_BY_NAME = "SELECT id, name, unit FROM metrics WHERE name = ANY (?)";

    static final String COPY_READINGS = "COPY readings (asset_ref, metric_id, ts, value, quality, received_at)"
        + " FROM STDIN";
    /** Per-connection staging table: COPY lands here, then one INSERT .. ON CONFLICT DO NOTHING dedupes. */
    static final String CREATE_STAGING = "CREATE TEMP TABLE IF NOT EXISTS staging_readings ("
        + "asset_ref integer, metric_id integer, ts timestamptz, value double precision, quality smallint,"
        + " received_at timestamptz) ON COMMIT DELETE ROWS";
    static final String COPY_STAGING = "COPY pg_temp.staging_readings (asset_ref, metric_id, ts, value, quality,"
        + " received_at) FROM STDIN";
    static final String MERGE_STAGING = "INSERT INTO readings (asset_ref, metric_id, ts, value, quality, received_at)"
        + " SELECT asset_ref, metric_id, ts, value, quality, received_at FROM pg_temp.staging_readings"
        + " ON CONFLICT (asset_ref, metric_id, ts) DO NOTHING";
    static final String INSERT_DEAD_LETTER = "INSERT INTO dead_letters (received_at, topic, payload, reason_code,"
        + " detail, digest) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (digest) DO NOTHING";
    static final String UPSERT_GATEWAY = "INSERT INTO gateways AS g (camp_id, id, last_seq, last_sent_at,"
        + " last_received_at, messages) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (camp_id, id) DO UPDATE SET"
        + " last_seq = CASE WHEN excluded.last_received_at >= g.last_received_at AND excluded.last_seq IS NOT NULL"
        + " THEN excluded.last_seq ELSE g.last_seq END,"
        + " last_sent_at = GREATEST(g.last_sent_at, excluded.last_sent_at),"
        + " last_received_at = GREATEST(g.last_received_at, excluded.last_received_at),"
        + " messages = g.messages + excluded.messages";
    static final String DELETE_EXPIRED = "DELETE FROM readings WHERE ctid = ANY (ARRAY("
        + "SELECT ctid FROM readings WHERE ts < ? LIMIT ?))";

    private Sql() {
    }
}

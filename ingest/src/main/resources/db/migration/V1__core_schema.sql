-- SmartCamp core schema: the registry (missions, camps, assets, metrics), readings and dead letters.
-- One schema for both engines: on TimescaleDB, SchemaMigrator turns readings into a hypertable with
-- compression and retention after this runs; on plain PostgreSQL the same tables are used as they are.

CREATE TABLE missions (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    name        text        NOT NULL,
    registered  boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN missions.registered IS 'false when first seen in telemetry, before an inventory named it';

CREATE TABLE camps (
    id          text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    mission_id  text        NOT NULL REFERENCES missions (id),
    name        text        NOT NULL,
    latitude    double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude   double precision CHECK (longitude BETWEEN -180 AND 180),
    population  integer CHECK (population >= 0),
    timezone    text,
    registered  boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX camps_mission_idx ON camps (mission_id);

-- Assets are global (ids are unique across missions) and belong to exactly one camp. Kind-specific
-- properties are typed columns so analytics can rely on them; what no column holds goes to attributes.
CREATE TABLE assets (
    ref                 integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id                  text        NOT NULL UNIQUE CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    camp_id             text        NOT NULL REFERENCES camps (id),
    kind                text        NOT NULL CHECK (kind IN ('generator', 'fuel_tank', 'pv', 'battery', 'vehicle',
                                                             'water_tank', 'weather', 'unknown')),
    name                text,
    registered          boolean     NOT NULL DEFAULT true,
    -- generator
    rated_kw            double precision CHECK (rated_kw > 0),
    rated_kva           double precision CHECK (rated_kva > 0),
    fuel_f0             double precision CHECK (fuel_f0 >= 0),
    fuel_f1             double precision CHECK (fuel_f1 >= 0),
    -- fuel_tank and water_tank: capacity, unusable bottom volume, strapping table [[level_mm, litres], ...]
    capacity_l          double precision CHECK (capacity_l > 0),
    unusable_l          double precision CHECK (unusable_l >= 0),
    strapping           jsonb,
    -- pv and battery
    rated_kwp           double precision CHECK (rated_kwp > 0),
    capacity_kwh        double precision CHECK (capacity_kwh > 0),
    -- vehicle
    fuel_capacity_l     double precision CHECK (fuel_capacity_l > 0),
    service_interval_h  double precision CHECK (service_interval_h > 0),
    attributes          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    first_seen_at       timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (strapping IS NULL OR jsonb_typeof(strapping) = 'array')
);
CREATE INDEX assets_camp_idx ON assets (camp_id);
COMMENT ON COLUMN assets.registered IS 'false for an asset first seen in telemetry and not (yet) in an inventory';

CREATE TABLE metrics (
    id          smallint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    unit        text,
    kind        text        NOT NULL DEFAULT 'gauge' CHECK (kind IN ('gauge', 'counter', 'state')),
    description text,
    registered  boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Identity of a reading is (asset, metric, event time): the primary key makes a second arrival a no-op.
-- No foreign keys here on purpose: the writer resolves refs through the registry, and per-row FK checks
-- would halve COPY throughput. The key's order serves "one asset's metric over a time range" directly.
CREATE TABLE readings (
    asset_ref   integer          NOT NULL,
    metric_id   smallint         NOT NULL,
    ts          timestamptz      NOT NULL,
    value       double precision NOT NULL,
    quality     smallint         NOT NULL DEFAULT 0 CHECK (quality BETWEEN 0 AND 2),
    received_at timestamptz      NOT NULL,
    PRIMARY KEY (asset_ref, metric_id, ts)
);
-- Time-range scans over many assets (a camp's day, a rollup's hour): BRIN stays tiny and suits data that
-- arrives roughly in time order. On TimescaleDB the hypertable adds its own ts index per chunk.
CREATE INDEX readings_ts_brin ON readings USING brin (ts);
COMMENT ON COLUMN readings.quality IS '0 good, 1 uncertain, 2 bad (as the gateway flagged it)';
COMMENT ON COLUMN readings.received_at IS 'when the ingest received it; ts is when it was measured';

-- Input that could not be stored as readings, with the raw bytes and the reason. The digest makes a
-- redelivered bad message (QoS 1 after a crash) land once.
CREATE TABLE dead_letters (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at timestamptz NOT NULL,
    topic       text        NOT NULL,
    payload     bytea       NOT NULL,
    reason_code text        NOT NULL,
    detail      text        NOT NULL,
    digest      bytea       NOT NULL UNIQUE
);
CREATE INDEX dead_letters_received_idx ON dead_letters (received_at);

-- Last word from each gateway: for link monitoring and sequence-gap checks.
CREATE TABLE gateways (
    camp_id          text        NOT NULL REFERENCES camps (id),
    id               text        NOT NULL,
    last_seq         bigint,
    last_sent_at     timestamptz,
    last_received_at timestamptz NOT NULL,
    messages         bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (camp_id, id)
);

-- SmartCamp analytics storage (docs/analytics-store.md): hourly and daily rollups, daily and current figures,
-- detected events with their evidence, fuel delivery records, and what the analytics job has processed.
-- The same on both engines. On TimescaleDB, SchemaMigrator then replaces readings_hourly and readings_daily by
-- continuous aggregates with the same columns (TimescaleSetup); on plain PostgreSQL the analytics job keeps
-- these tables up to date.

-- Settings overrides per camp ({"analytics": {"fuel.theftMinLitres": "30"}}) and free properties.
ALTER TABLE camps ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'::jsonb;

-- The fuel tank a generator draws from, or the bulk tank a day tank is filled from. Deferred, so an import
-- may name a tank that comes later in the same file.
ALTER TABLE assets ADD COLUMN supply_tank_id text REFERENCES assets (id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX assets_supply_tank_idx ON assets (supply_tank_id);

-- "What arrived since X" for the analytics job. Rows arrive in received_at order, so BRIN stays tiny and
-- precise; on TimescaleDB it also makes compressed chunks keep min/max of received_at per batch (sparse index),
-- so the scan skips them without decompressing.
CREATE INDEX readings_received_brin ON readings USING brin (received_at);

-- One row per (asset, metric, UTC hour) and per (asset, metric, UTC day). avg, first and last are over the
-- readings in the bucket ordered by event time; daily rows are combined from the hourly ones.
CREATE TABLE readings_hourly (
    asset_ref integer          NOT NULL,
    metric_id smallint         NOT NULL,
    bucket    timestamptz      NOT NULL,
    samples   bigint           NOT NULL,
    avg       double precision,
    min       double precision,
    max       double precision,
    first     double precision,
    last      double precision,
    PRIMARY KEY (asset_ref, metric_id, bucket)
);
CREATE INDEX readings_hourly_bucket_idx ON readings_hourly (bucket);

-- The same columns, key and index.
CREATE TABLE readings_daily (LIKE readings_hourly INCLUDING ALL);

-- Figures per UTC day for an asset or a camp, each with the share of the expected data it rests on.
CREATE TABLE analytics_daily (
    subject_kind text             NOT NULL CHECK (subject_kind IN ('asset', 'camp')),
    subject_id   text             NOT NULL,
    day          date             NOT NULL,
    figure       text             NOT NULL,
    value        double precision,
    unit         text,
    coverage     double precision NOT NULL CHECK (coverage BETWEEN 0 AND 1),
    computed_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (subject_kind, subject_id, day, figure)
);
CREATE INDEX analytics_daily_day_idx ON analytics_daily (day);

-- Figures as of the latest data, with an interval where one exists and details as JSON.
CREATE TABLE analytics_current (
    subject_kind text             NOT NULL CHECK (subject_kind IN ('asset', 'camp')),
    subject_id   text             NOT NULL,
    figure       text             NOT NULL,
    value        double precision,
    unit         text,
    low          double precision,
    high         double precision,
    coverage     double precision CHECK (coverage BETWEEN 0 AND 1),
    as_of        timestamptz,
    detail       jsonb            NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (subject_kind, subject_id, figure)
);

-- Detected events and the evidence behind them (org.smartcamp.analytics.event.Evidence as JSON). A detector
-- that runs again over a window replaces its events there, so the unique key never sees a repeat.
CREATE TABLE analytics_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    camp_id     text             NOT NULL,
    asset_id    text             NOT NULL,
    kind        text             NOT NULL,
    starts_at   timestamptz      NOT NULL,
    ends_at     timestamptz      NOT NULL,
    quantity    double precision,
    unit        text,
    evidence    jsonb            NOT NULL,
    detected_at timestamptz      NOT NULL,
    UNIQUE (asset_id, kind, starts_at),
    CHECK (ends_at >= starts_at)
);
CREATE INDEX analytics_events_camp_idx ON analytics_events (camp_id, starts_at);
CREATE INDEX analytics_events_kind_idx ON analytics_events (kind, starts_at);

-- Delivery notes, for reconciliation with the refuels the analytics detect.
CREATE TABLE fuel_deliveries (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tank_id      text             NOT NULL,
    delivered_at timestamptz      NOT NULL,
    litres       double precision NOT NULL CHECK (litres > 0),
    reference    text,
    UNIQUE (tank_id, delivered_at)
);

-- How far each stage of the analytics job has processed arrivals: readings received after mark are new to it.
CREATE TABLE analytics_watermark (
    name       text        PRIMARY KEY,
    mark       timestamptz NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The analytics storage contract of the brief (created by migration V3 on main). Tests of the api module
-- create it themselves until V3 is on this branch; never shipped.
CREATE TABLE readings_hourly (asset_ref integer NOT NULL, metric_id smallint NOT NULL, bucket timestamptz NOT NULL,
    samples bigint, avg double precision, min double precision, max double precision,
    first double precision, last double precision, PRIMARY KEY (asset_ref, metric_id, bucket));
CREATE TABLE readings_daily (asset_ref integer NOT NULL, metric_id smallint NOT NULL, bucket timestamptz NOT NULL,
    samples bigint, avg double precision, min double precision, max double precision,
    first double precision, last double precision, PRIMARY KEY (asset_ref, metric_id, bucket));
CREATE TABLE analytics_daily (subject_kind text CHECK (subject_kind IN ('asset','camp')), subject_id text, day date,
    figure text, value double precision, unit text, coverage double precision NOT NULL, computed_at timestamptz,
    PRIMARY KEY (subject_kind, subject_id, day, figure));
CREATE TABLE analytics_current (subject_kind text, subject_id text, figure text, value double precision, unit text,
    low double precision, high double precision, coverage double precision, as_of timestamptz,
    detail jsonb NOT NULL DEFAULT '{}', PRIMARY KEY (subject_kind, subject_id, figure));
CREATE TABLE analytics_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, camp_id text NOT NULL,
    asset_id text NOT NULL, kind text NOT NULL, starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL,
    quantity double precision, unit text, evidence jsonb NOT NULL, detected_at timestamptz NOT NULL,
    UNIQUE (asset_id, kind, starts_at));
CREATE TABLE fuel_deliveries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, tank_id text NOT NULL,
    delivered_at timestamptz NOT NULL, litres double precision NOT NULL, reference text,
    UNIQUE (tank_id, delivered_at));

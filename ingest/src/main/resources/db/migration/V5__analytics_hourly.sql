-- Figures per UTC hour (fuel consumption per generator, vehicle and camp), with the share of the hour the data
-- covers: an hour without a row has no figure, never a zero.
CREATE TABLE analytics_hourly (
    subject_kind text             NOT NULL CHECK (subject_kind IN ('asset', 'camp')),
    subject_id   text             NOT NULL,
    hour         timestamptz      NOT NULL,
    figure       text             NOT NULL,
    value        double precision,
    unit         text,
    coverage     double precision NOT NULL CHECK (coverage BETWEEN 0 AND 1),
    computed_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (subject_kind, subject_id, hour, figure)
);
CREATE INDEX analytics_hourly_hour_idx ON analytics_hourly (hour);

-- Two missions, four camps, assets, two days of readings (2026-03-01 and -02) with their rollups, figures
-- and events with evidence. Known answers: juba1-gen-1 power.active at hh:mm is hh*10 + mm/10 kW.
SET TIME ZONE 'UTC';
INSERT INTO missions (id, name) VALUES ('unmiss', 'UNMISS South Sudan'), ('minusma', 'MINUSMA Mali');
INSERT INTO camps (id, mission_id, name, latitude, longitude, population, timezone) VALUES
    ('juba1', 'unmiss', 'Juba, Tomping', 4.85, 31.6, 1200, 'Africa/Juba'),
    ('malakal', 'unmiss', 'Malakal, "north" base', 9.53, 31.66, 800, 'Africa/Juba'),
    ('gao', 'minusma', 'Gao super camp', 16.27, -0.04, 3000, 'Africa/Bamako'),
    ('kidal', 'minusma', 'Kidal', NULL, NULL, 400, 'Africa/Bamako');
INSERT INTO assets (id, camp_id, kind, name, rated_kw, capacity_l) VALUES
    ('juba1-gen-1', 'juba1', 'generator', 'Genset 1', 500, NULL),
    ('juba1-tank-1', 'juba1', 'fuel_tank', 'Day tank, 10,000 L', NULL, 10000),
    ('juba1-pv-1', 'juba1', 'pv', 'PV field', NULL, NULL),
    ('malakal-gen-1', 'malakal', 'generator', 'Genset M1', 250, NULL),
    ('gao-gen-1', 'gao', 'generator', 'Genset G1', 800, NULL),
    ('gao-tank-1', 'gao', 'fuel_tank', 'Bulk tank', NULL, 50000),
    ('kidal-gen-1', 'kidal', 'generator', 'Genset K1', 200, NULL);

INSERT INTO readings (asset_ref, metric_id, ts, value, quality, received_at)
SELECT (SELECT ref FROM assets WHERE id = 'juba1-gen-1'), (SELECT id FROM metrics WHERE name = 'power.active'), t,
       extract(hour FROM t) * 10 + extract(minute FROM t) / 10,
       CASE WHEN t = TIMESTAMPTZ '2026-03-01 05:30:00+00' THEN 2 ELSE 0 END, t
FROM generate_series(TIMESTAMPTZ '2026-03-01 00:00:00+00', TIMESTAMPTZ '2026-03-02 23:50:00+00', INTERVAL '10 minutes') t;
INSERT INTO readings (asset_ref, metric_id, ts, value, quality, received_at)
SELECT (SELECT ref FROM assets WHERE id = 'juba1-tank-1'), (SELECT id FROM metrics WHERE name = 'fuel.volume'), t,
       9000 - extract(epoch FROM t - TIMESTAMPTZ '2026-03-01 00:00:00+00') / 3600, 0, t
FROM generate_series(TIMESTAMPTZ '2026-03-01 00:00:00+00', TIMESTAMPTZ '2026-03-02 23:00:00+00', INTERVAL '1 hour') t;
INSERT INTO readings (asset_ref, metric_id, ts, value, quality, received_at)
SELECT (SELECT ref FROM assets WHERE id = 'gao-gen-1'), (SELECT id FROM metrics WHERE name = 'power.active'), t,
       50, 0, t
FROM generate_series(TIMESTAMPTZ '2026-03-01 00:00:00+00', TIMESTAMPTZ '2026-03-02 23:50:00+00', INTERVAL '10 minutes') t;

INSERT INTO readings_hourly
SELECT asset_ref, metric_id, date_trunc('hour', ts), count(*), avg(value), min(value), max(value),
       (array_agg(value ORDER BY ts))[1], (array_agg(value ORDER BY ts DESC))[1]
FROM readings GROUP BY 1, 2, 3;
INSERT INTO readings_daily
SELECT asset_ref, metric_id, date_trunc('day', ts), count(*), avg(value), min(value), max(value),
       (array_agg(value ORDER BY ts))[1], (array_agg(value ORDER BY ts DESC))[1]
FROM readings GROUP BY 1, 2, 3;

INSERT INTO analytics_daily VALUES
    ('camp', 'juba1', '2026-03-01', 'fuel_consumed_l', 120.5, 'L', 0.98, '2026-03-02 01:00:00+00', 'juba1'),
    ('camp', 'juba1', '2026-03-02', 'fuel_consumed_l', 130, 'L', 0.75, '2026-03-03 01:00:00+00', 'juba1'),
    ('camp', 'juba1', '2026-03-01', 'energy_kwh', 2400, 'kWh', 0.98, '2026-03-02 01:00:00+00', 'juba1'),
    ('asset', 'juba1-gen-1', '2026-03-01', 'running_h', 20, 'h', 1.0, '2026-03-02 01:00:00+00', 'juba1'),
    ('asset', 'juba1-gen-1', '2026-03-02', 'load_factor_avg', 0.42, '1', 0.95, '2026-03-03 01:00:00+00', 'juba1'),
    ('asset', 'juba1-tank-1', '2026-03-01', 'refuel_l', 500, 'L', 1.0, '2026-03-02 01:00:00+00', 'juba1'),
    ('camp', 'gao', '2026-03-01', 'fuel_consumed_l', 80, 'L', 1.0, '2026-03-02 01:00:00+00', 'gao'),
    ('asset', 'gao-gen-1', '2026-03-01', 'running_h', 24, 'h', 1.0, '2026-03-02 01:00:00+00', 'gao');
INSERT INTO analytics_hourly VALUES
    ('asset', 'juba1-gen-1', '2026-03-01 10:00:00+00', 'fuel_consumed_l', 21.5, 'L', 1.0, '2026-03-01 11:05:00+00', 'juba1'),
    ('asset', 'juba1-gen-1', '2026-03-01 11:00:00+00', 'fuel_consumed_l', 19.25, 'L', 0.5, '2026-03-01 12:05:00+00', 'juba1'),
    ('asset', 'gao-gen-1', '2026-03-01 10:00:00+00', 'fuel_consumed_l', 30, 'L', 1.0, '2026-03-01 11:05:00+00', 'gao');
INSERT INTO analytics_current VALUES
    ('camp', 'juba1', 'days_of_supply', 6.5, 'd', 5.9, 7.1, 0.97, '2026-03-02 23:00:00+00', '{"method": "ols", "window_days": 14}', 'juba1'),
    ('asset', 'juba1-gen-1', 'hours_to_service', 120, 'h', NULL, NULL, 1.0, '2026-03-02 23:00:00+00', '{}', 'juba1'),
    ('camp', 'gao', 'days_of_supply', 3.2, 'd', 2.8, 3.6, 0.99, '2026-03-02 23:00:00+00', '{}', 'gao');
INSERT INTO analytics_events (camp_id, asset_id, kind, starts_at, ends_at, quantity, unit, evidence, detected_at) VALUES
    ('juba1', 'juba1-tank-1', 'refuel', '2026-03-01 08:00:00+00', '2026-03-01 08:20:00+00', 500, 'L',
     '{"windowStart": "2026-03-01T07:00:00Z", "windowEnd": "2026-03-01T09:00:00Z", "metric": "fuel.volume",
       "readings": [{"ts": "2026-03-01T07:00:00Z", "value": 8993}, {"ts": "2026-03-01T09:00:00Z", "value": 9491}],
       "figures": {"level_before_l": 8993, "level_after_l": 9491}, "explanation": "Level rose by 498 L in 20 min"}',
     '2026-03-01 10:00:00+00'),
    ('juba1', 'juba1-tank-1', 'theft', '2026-03-02 02:00:00+00', '2026-03-02 02:10:00+00', 120, 'L',
     '{"windowStart": "2026-03-02T01:00:00Z", "windowEnd": "2026-03-02T03:00:00Z", "metric": "fuel.volume",
       "readings": [], "figures": {"loss_l": 120, "litres": 120, "level_before_l": 9400, "level_after_l": 9280,
       "expected_outflow_l": 0, "threshold_l": 60}, "explanation": "Loss of 120 L, no generator running, hatch open"}',
     '2026-03-02 04:00:00+00'),
    ('juba1', 'juba1-gen-1', 'low_load', '2026-03-01 12:00:00+00', '2026-03-01 15:00:00+00', 3, 'h',
     '{"windowStart": "2026-03-01T12:00:00Z", "windowEnd": "2026-03-01T15:00:00Z", "metric": "power.active",
       "readings": [], "figures": {"load_factor": 0.25}, "explanation": "Below 30 % load for 3 h"}',
     '2026-03-01 16:00:00+00'),
    ('juba1', 'juba1-gen-1', 'stale_sensor', '2026-03-02 10:00:00+00', '2026-03-02 11:00:00+00', 1, 'h',
     '{"windowStart": "2026-03-02T10:00:00Z", "windowEnd": "2026-03-02T11:00:00Z", "metric": "engine.hours",
       "readings": [], "figures": {}, "explanation": "No engine.hours for 1 h"}',
     '2026-03-02 12:00:00+00'),
    ('gao', 'gao-tank-1', 'theft', '2026-03-01 03:00:00+00', '2026-03-01 03:05:00+00', 200, 'L',
     '{"windowStart": "2026-03-01T02:00:00Z", "windowEnd": "2026-03-01T04:00:00Z", "metric": "fuel.volume",
       "readings": [], "figures": {"loss_l": 200}, "explanation": "Loss of 200 L at night"}',
     '2026-03-01 05:00:00+00');
-- A leak that later data disproved: kept with its reason, listed only when asked for.
INSERT INTO analytics_events (camp_id, asset_id, kind, starts_at, ends_at, quantity, unit, evidence, detected_at,
                              status, revision, updated_at, retracted_reason) VALUES
    ('juba1', 'juba1-tank-1', 'leak', '2026-03-01 00:00:00+00', '2026-03-02 00:00:00+00', 14, 'L/day',
     '{"windowStart": "2026-03-01T00:00:00Z", "windowEnd": "2026-03-02T00:00:00Z", "metric": "fuel.volume",
       "readings": [], "figures": {}, "explanation": "About 14 L/day went missing"}',
     '2026-03-02 06:00:00+00', 'retracted', 2, '2026-03-02 18:00:00+00',
     'no longer detected when its data was analysed again (later or corrected readings)');
INSERT INTO gateways (camp_id, id, last_seq, last_sent_at, last_received_at, messages) VALUES
    ('juba1', 'gw-1', 42, '2026-03-02 23:59:00+00', '2026-03-03 00:00:00+00', 100),
    ('gao', 'gw-g', 7, '2026-03-02 23:00:00+00', '2026-03-02 23:00:05+00', 20);

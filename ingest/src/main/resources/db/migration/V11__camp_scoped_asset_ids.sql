-- Camp-scoped asset ids (issue 15). An asset id is unique within its camp, not across camps: two camps may both
-- have 'dg-1'. Assets keep their integer ref (readings, rollups and quarantined readings refer to it, so they are
-- not touched, nor is any hypertable or continuous aggregate on TimescaleDB); what named an asset by its id
-- alone gains the camp. Existing rows are kept and their camp filled in from the asset they name (ids were
-- unique until now, so that is unambiguous); a row naming an asset that no longer exists gets camp '' rather than
-- being dropped.

-- The supply tank is a fuel tank of the same camp (the inventory loader has always required it): the link
-- becomes (camp_id, supply_tank_id) -> (camp_id, id).
ALTER TABLE assets DROP CONSTRAINT IF EXISTS assets_supply_tank_id_fkey;
ALTER TABLE assets DROP CONSTRAINT IF EXISTS assets_id_key;
ALTER TABLE assets ADD CONSTRAINT assets_camp_asset_key UNIQUE (camp_id, id);
ALTER TABLE assets ADD CONSTRAINT assets_supply_tank_fkey FOREIGN KEY (camp_id, supply_tank_id)
    REFERENCES assets (camp_id, id) DEFERRABLE INITIALLY DEFERRED;
DROP INDEX IF EXISTS assets_supply_tank_idx;
CREATE INDEX assets_supply_tank_idx ON assets (camp_id, supply_tank_id);
-- "Which camps have an asset of this id" (the API's /assets/{id}, the ingest's lookups by id).
CREATE INDEX assets_id_idx ON assets (id);

-- Figures: an asset's figures are keyed by its camp and id; a camp's figures carry the camp itself.
ALTER TABLE analytics_daily ADD COLUMN camp_id text;
ALTER TABLE analytics_hourly ADD COLUMN camp_id text;
ALTER TABLE analytics_current ADD COLUMN camp_id text;
UPDATE analytics_daily f SET camp_id = CASE WHEN f.subject_kind = 'camp' THEN f.subject_id
    ELSE coalesce((SELECT a.camp_id FROM assets a WHERE a.id = f.subject_id), '') END;
UPDATE analytics_hourly f SET camp_id = CASE WHEN f.subject_kind = 'camp' THEN f.subject_id
    ELSE coalesce((SELECT a.camp_id FROM assets a WHERE a.id = f.subject_id), '') END;
UPDATE analytics_current f SET camp_id = CASE WHEN f.subject_kind = 'camp' THEN f.subject_id
    ELSE coalesce((SELECT a.camp_id FROM assets a WHERE a.id = f.subject_id), '') END;
ALTER TABLE analytics_daily ALTER COLUMN camp_id SET NOT NULL;
ALTER TABLE analytics_hourly ALTER COLUMN camp_id SET NOT NULL;
ALTER TABLE analytics_current ALTER COLUMN camp_id SET NOT NULL;
ALTER TABLE analytics_daily DROP CONSTRAINT analytics_daily_pkey;
ALTER TABLE analytics_daily ADD PRIMARY KEY (subject_kind, camp_id, subject_id, day, figure);
ALTER TABLE analytics_hourly DROP CONSTRAINT analytics_hourly_pkey;
ALTER TABLE analytics_hourly ADD PRIMARY KEY (subject_kind, camp_id, subject_id, hour, figure);
ALTER TABLE analytics_current DROP CONSTRAINT analytics_current_pkey;
ALTER TABLE analytics_current ADD PRIMARY KEY (subject_kind, camp_id, subject_id, figure);
COMMENT ON COLUMN analytics_daily.camp_id IS 'the camp of the subject (an asset''s camp, or the camp itself)';
COMMENT ON COLUMN analytics_hourly.camp_id IS 'the camp of the subject (an asset''s camp, or the camp itself)';
COMMENT ON COLUMN analytics_current.camp_id IS 'the camp of the subject (an asset''s camp, or the camp itself)';

-- Events already carry their camp; their lookup by asset now goes through it.
DROP INDEX IF EXISTS analytics_events_subject_idx;
CREATE INDEX analytics_events_subject_idx ON analytics_events (camp_id, asset_id, kind, starts_at);

-- Deliveries name a tank of a camp.
ALTER TABLE fuel_deliveries ADD COLUMN camp_id text;
UPDATE fuel_deliveries d SET camp_id = coalesce((SELECT a.camp_id FROM assets a WHERE a.id = d.tank_id), '');
ALTER TABLE fuel_deliveries ALTER COLUMN camp_id SET NOT NULL;
ALTER TABLE fuel_deliveries DROP CONSTRAINT IF EXISTS fuel_deliveries_tank_id_delivered_at_key;
ALTER TABLE fuel_deliveries ADD CONSTRAINT fuel_deliveries_tank_key UNIQUE (camp_id, tank_id, delivered_at);

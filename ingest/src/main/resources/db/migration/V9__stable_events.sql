-- Events are entities (issue: alarms that reach people). An event keeps its id for its whole life: when an analyzer
-- runs again over its window, a detection that matches a stored event (same camp, asset and kind, start within the
-- identity tolerance or overlapping) revises that row (revision + 1, the change recorded below), and a stored event
-- that the new data disproves is marked retracted with the reason. Nothing is deleted and re-inserted.
ALTER TABLE analytics_events ADD COLUMN status text NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'retracted'));
ALTER TABLE analytics_events ADD COLUMN revision integer NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE analytics_events ADD COLUMN updated_at timestamptz;
ALTER TABLE analytics_events ADD COLUMN retracted_reason text;
UPDATE analytics_events SET updated_at = detected_at;
ALTER TABLE analytics_events ALTER COLUMN updated_at SET DEFAULT now();
ALTER TABLE analytics_events ALTER COLUMN updated_at SET NOT NULL;

-- A retracted event may share its start with a later detection: only active events are unique.
ALTER TABLE analytics_events DROP CONSTRAINT IF EXISTS analytics_events_asset_id_kind_starts_at_key;
CREATE UNIQUE INDEX analytics_events_active_key ON analytics_events (camp_id, asset_id, kind, starts_at)
    WHERE status = 'active';
CREATE INDEX analytics_events_subject_idx ON analytics_events (asset_id, kind, starts_at);

-- What each revision of an event said, and what changed: the event's history.
CREATE TABLE analytics_event_revisions (
    event_id  bigint           NOT NULL REFERENCES analytics_events (id) ON DELETE CASCADE,
    revision  integer          NOT NULL,
    at        timestamptz      NOT NULL,
    status    text             NOT NULL,
    starts_at timestamptz      NOT NULL,
    ends_at   timestamptz      NOT NULL,
    quantity  double precision,
    unit      text,
    change    text             NOT NULL,
    PRIMARY KEY (event_id, revision)
);
INSERT INTO analytics_event_revisions (event_id, revision, at, status, starts_at, ends_at, quantity, unit, change)
SELECT id, 1, detected_at, 'active', starts_at, ends_at, quantity, unit, 'detected' FROM analytics_events;

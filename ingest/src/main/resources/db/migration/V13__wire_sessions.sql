-- Sparkplug B (issue 15): per-sender state of stateful wire formats, and gateway online/offline status.

-- The state a format keeps per sender (Sparkplug: per edge node, its bdSeq, last sequence number, aliases and born
-- devices), written in the same transaction as the readings of the message that produced it, so a restarted ingest
-- resumes from exactly what it acknowledged.
CREATE TABLE wire_sessions (
    format      text        NOT NULL,
    session_key text        NOT NULL,
    state       jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (format, session_key)
);

-- Digests of the last messages a stateful format took (committed with them): a message the broker redelivers after
-- a crash is recognised as taken, not read again against a state that has moved past it. Pruned to the newest rows.
CREATE TABLE wire_seen_messages (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    format      text        NOT NULL,
    digest      bytea       NOT NULL UNIQUE,
    received_at timestamptz NOT NULL
);
CREATE INDEX wire_seen_messages_format_id ON wire_seen_messages (format, id);

-- What the gateway last said about its session (Sparkplug NBIRTH: online, NDEATH: offline); null when its format
-- announces nothing (SmartCamp JSON, SenML).
ALTER TABLE gateways
    ADD COLUMN status            text CHECK (status IN ('online', 'offline')),
    ADD COLUMN status_changed_at timestamptz;

-- Sparkplug B names that differ from the SmartCamp ids, from the inventory (docs/inventory.md): kind 'camp' maps
-- 'group/edge node' to 'mission/camp', 'device' maps 'group/edge node/device' to an asset id, 'metric' a Sparkplug
-- metric name to a catalogue metric name. The ingest reads them at start and every minute.
CREATE TABLE sparkplug_names (
    kind           text NOT NULL CHECK (kind IN ('camp', 'device', 'metric')),
    sparkplug_name text NOT NULL,
    smartcamp_id   text NOT NULL,
    PRIMARY KEY (kind, sparkplug_name)
);

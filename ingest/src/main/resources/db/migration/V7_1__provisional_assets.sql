-- No squatting (issue 13, D13). A gateway could register another camp's asset that no inventory named yet, and
-- the owning camp's readings of it were then refused; after an inventory moved the asset, the first camp's values
-- stayed in the second camp's data.
--
-- camps.auto_register: the camp's policy for assets first seen in its telemetry; NULL follows the ingest's
-- ingest.autoRegisterAssets. Off: such an asset is registered 'provisional' and its readings go to
-- quarantined_readings instead of readings, until an inventory names it.
ALTER TABLE camps ADD COLUMN auto_register boolean;
COMMENT ON COLUMN camps.auto_register IS 'assets first seen in this camp''s telemetry join it (true) or stay provisional (false); NULL: the ingest''s default';

ALTER TABLE assets ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'provisional'));
COMMENT ON COLUMN assets.status IS 'provisional: first seen in telemetry of a camp that does not auto-register, no inventory names it yet; its readings are quarantined';
CREATE INDEX assets_provisional_idx ON assets (status) WHERE status = 'provisional';

-- Readings held out of the camps' data, with the camp whose topic sent them and why: those of provisional assets,
-- and those an inventory import found were sent by another camp than the asset's. An import that registers a
-- provisional asset moves the readings its own camp sent into readings; the rest stay here for an operator.
CREATE TABLE quarantined_readings (
    asset_ref      integer          NOT NULL,
    metric_id      integer          NOT NULL,
    ts             timestamptz      NOT NULL,
    value          double precision NOT NULL,
    quality        smallint         NOT NULL,
    received_at    timestamptz      NOT NULL,
    camp_id        text             NOT NULL,
    reason         text             NOT NULL,
    quarantined_at timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (asset_ref, metric_id, ts, camp_id)
);

-- Unknown metrics, visibly (issue 15). A metric name the catalogue does not know (metrics.registered = false: first
-- seen in telemetry) is still stored, and each gateway that sends one is recorded here with its first and last
-- sighting, so the data-quality view and GET /api/v1/gateways/{id} show it (a typo no longer looks like success).
-- Readings sent before this migration are not attributed to a gateway (the store never kept which one sent them).
CREATE TABLE gateway_unknown_metrics (
    camp_id       text        NOT NULL,
    gateway_id    text        NOT NULL,
    metric_id     integer     NOT NULL REFERENCES metrics (id),
    first_seen_at timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    readings      bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (camp_id, gateway_id, metric_id)
);
COMMENT ON COLUMN gateway_unknown_metrics.readings IS 'readings of the metric received from the gateway (a redelivered message counts again)';

-- A camp in strict mode dead-letters readings of unknown metrics (reason unknown_metric) instead of storing them.
ALTER TABLE camps ADD COLUMN strict_metrics boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN camps.strict_metrics IS 'true: readings of metrics the catalogue does not know are dead-lettered (unknown_metric), not stored';

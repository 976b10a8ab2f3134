-- What each audited request covered, so that an admin scoped to some missions reads only their entries: the
-- camps the request resolved (by id, through an asset or event, or the camps of its list) and their missions
-- (and missions named by id). Empty for requests tied to no mission (failed authentication, the metric
-- catalogue, the audit log itself): those, and every entry written before this column, are for admins of every
-- mission only.
ALTER TABLE api_audit
    ADD COLUMN missions text[] NOT NULL DEFAULT '{}',
    ADD COLUMN camps    text[] NOT NULL DEFAULT '{}';
COMMENT ON COLUMN api_audit.missions IS 'missions the request covered; empty when tied to none';
COMMENT ON COLUMN api_audit.camps IS 'camps the request covered; empty when tied to none';

-- API access: machine clients' API keys (stored as SHA-256 of the secret, never the secret) and the audit
-- log of who read or exported what. Written by the api module; keys are managed with `smartcamp apikey`.

CREATE TABLE api_keys (
    id            text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    name          text        NOT NULL,
    secret_sha256 bytea       NOT NULL UNIQUE CHECK (octet_length(secret_sha256) = 32),
    role          text        NOT NULL CHECK (role IN ('viewer', 'logistics', 'admin')),
    missions      text[]      NOT NULL DEFAULT '{}',
    camps         text[]      NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz,
    revoked_at    timestamptz,
    CHECK (cardinality(missions) + cardinality(camps) > 0)
);
COMMENT ON COLUMN api_keys.missions IS 'missions the key may read; {*} for every mission';
COMMENT ON COLUMN api_keys.camps IS 'camps the key may read in addition to those of its missions';

-- One row per API request that carried (or failed to carry) a credential. principal is 'key:<id>',
-- 'jwt:<sub>' or '-' when none was accepted.
CREATE TABLE api_audit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    principal   text        NOT NULL,
    role        text,
    method      text        NOT NULL,
    path        text        NOT NULL,
    query       text,
    status      smallint    NOT NULL,
    rows        integer,
    export      boolean     NOT NULL DEFAULT false,
    remote      text,
    duration_ms integer
);
CREATE INDEX api_audit_at_idx ON api_audit (at);
CREATE INDEX api_audit_principal_idx ON api_audit (principal, at);

-- The API lists a camp's events over a time range; the analytics tables come with V3 (they are absent only
-- on a branch built before it).
DO $$
BEGIN
    IF to_regclass('analytics_events') IS NOT NULL THEN
        CREATE INDEX IF NOT EXISTS analytics_events_camp_time_idx ON analytics_events (camp_id, starts_at, id);
    END IF;
END
$$;

-- Alarms (issue 17): rules raise alarms from events and conditions; an alarm has a lifecycle
-- (active -> acknowledged -> cleared, or active -> cleared when the condition ends) and a history; every
-- transition that a rule's channels must hear of is written to the outbox in the same transaction as the
-- transition, and a dispatcher delivers it (webhook, e-mail, MQTT) at least once with one idempotency key,
-- so a crash neither loses nor repeats a notification.

-- A rule: a condition with its threshold, scoped to a mission and optionally one camp, with a severity and the
-- channels to notify. Rules come from the configuration file (source 'config', replaced on start) or from
-- admins through the API (source 'api').
CREATE TABLE alarm_rules (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name           text        NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    mission_id     text        NOT NULL REFERENCES missions (id),
    camp_id        text        REFERENCES camps (id),
    condition      text        NOT NULL,
    threshold      double precision CHECK (threshold IS NULL OR threshold >= 0),
    duration_s     integer     CHECK (duration_s IS NULL OR duration_s >= 0),
    severity       text        NOT NULL CHECK (severity IN ('critical', 'major', 'minor', 'warning')),
    -- [{"type":"webhook","url":"https://...","secret":"env:NAME"}, {"type":"email","to":["a@b"],"language":"fr"},
    --  {"type":"mqtt"}]: a webhook's signing secret is named here (env:NAME or a key of the secrets file), never
    -- stored in the row itself.
    channels       jsonb       NOT NULL DEFAULT '[]'::jsonb,
    -- {"from":"22:00","to":"06:00","timezone":"Africa/Bamako","except":["critical"]} or null
    quiet_hours    jsonb,
    -- at most this many notifications per channel per hour for this rule (null: no limit)
    rate_per_hour  integer     CHECK (rate_per_hour IS NULL OR rate_per_hour > 0),
    enabled        boolean     NOT NULL DEFAULT true,
    source         text        NOT NULL DEFAULT 'api' CHECK (source IN ('config', 'api')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    updated_by     text,
    UNIQUE (mission_id, name)
);

-- An alarm: one per rule and subject while it is open; a condition that persists keeps its alarm.
CREATE TABLE alarms (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rule_id          bigint      NOT NULL REFERENCES alarm_rules (id),
    mission_id       text        NOT NULL,
    camp_id          text        NOT NULL,
    asset_id         text,
    condition        text        NOT NULL,
    -- what the alarm is about, stable across passes: 'event:<id>' or e.g. 'asset:<asset>/<metric>', 'camp:<camp>'
    subject_key      text        NOT NULL,
    event_id         bigint      REFERENCES analytics_events (id),
    severity         text        NOT NULL CHECK (severity IN ('critical', 'major', 'minor', 'warning')),
    status           text        NOT NULL CHECK (status IN ('active', 'acknowledged', 'cleared')),
    summary          text        NOT NULL,
    quantity         double precision,
    unit             text,
    details          jsonb       NOT NULL DEFAULT '{}'::jsonb,
    raised_at        timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    cleared_at       timestamptz,
    -- null when the condition ended by itself
    cleared_by       text,
    revision         integer     NOT NULL DEFAULT 1 CHECK (revision >= 1)
);
CREATE UNIQUE INDEX alarms_open_key ON alarms (rule_id, subject_key) WHERE status <> 'cleared';
CREATE INDEX alarms_camp_idx ON alarms (camp_id, status, raised_at);
CREATE INDEX alarms_event_idx ON alarms (event_id);

-- Every transition and comment of an alarm, in order.
CREATE TABLE alarm_history (
    alarm_id   bigint      NOT NULL REFERENCES alarms (id) ON DELETE CASCADE,
    seq        integer     NOT NULL,
    at         timestamptz NOT NULL,
    action     text        NOT NULL CHECK (action IN ('raised', 'updated', 'acknowledged', 'cleared', 'commented',
                                                      'reopened')),
    -- the principal who acted, or null for the analytics job
    actor      text,
    comment    text,
    status     text        NOT NULL,
    severity   text        NOT NULL,
    PRIMARY KEY (alarm_id, seq)
);

-- The outbox: one row per transition and channel target, written with the transition. The idempotency key is
-- what a receiver sees in every attempt of that notification.
CREATE TABLE alarm_outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alarm_id         bigint      NOT NULL REFERENCES alarms (id),
    history_seq      integer     NOT NULL,
    rule_id          bigint      NOT NULL REFERENCES alarm_rules (id),
    channel          text        NOT NULL CHECK (channel IN ('webhook', 'email', 'mqtt')),
    -- the URL, address or topic, never a secret
    target           text        NOT NULL,
    language         text        NOT NULL DEFAULT 'en',
    idempotency_key  text        NOT NULL UNIQUE,
    payload          jsonb       NOT NULL,
    status           text        NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'delivered', 'failed', 'suppressed')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    delivered_at     timestamptz,
    FOREIGN KEY (alarm_id, history_seq) REFERENCES alarm_history (alarm_id, seq)
);
CREATE INDEX alarm_outbox_due_idx ON alarm_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX alarm_outbox_rule_idx ON alarm_outbox (rule_id, channel, created_at);

-- The generation of the analytics answers the API serves (issue 19): a number that grows whenever the analytics
-- job (or anything else) commits a change to a table the cacheable API routes read. The API keys its cached
-- answers and its ETags by it, and learns of a change at once from NOTIFY smartcamp_analytics (sent on commit,
-- to every API replica) or, failing that, by reading this row every second.
CREATE TABLE api_answer_generation (
    id         boolean     PRIMARY KEY DEFAULT true CHECK (id),
    generation bigint      NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO api_answer_generation (id, generation) VALUES (true, 1);

-- Bumps the generation once per transaction (a transaction-local setting remembers it did), so a pass that runs
-- many statements updates the row once, and notifies the API replicas when the transaction commits.
CREATE FUNCTION api_answer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(current_setting('smartcamp.answer_bumped', true), '') <> 'y' THEN
        UPDATE api_answer_generation SET generation = generation + 1, changed_at = now();
        PERFORM set_config('smartcamp.answer_bumped', 'y', true);
        PERFORM pg_notify('smartcamp_analytics', '');
    END IF;
    RETURN NULL;
END
$$;

-- One statement trigger on every table the cacheable routes read that is a plain table here (on TimescaleDB the
-- rollups are continuous aggregates, refreshed by the job, which then moves its watermark: that trigger covers
-- them).
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['analytics_watermark', 'analytics_daily', 'analytics_hourly', 'analytics_current',
        'analytics_events', 'analytics_event_revisions', 'readings_hourly', 'readings_daily'] LOOP
        IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE c.relname = t AND c.relkind IN ('r', 'p') AND n.nspname = current_schema()) THEN
            EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I'
                || ' FOR EACH STATEMENT EXECUTE FUNCTION api_answer_changed()', t || '_answer_changed', t);
        END IF;
    END LOOP;
END
$$;

-- Registry ids that never run out (issue 13, D3): metrics.id was a smallint identity, 32,767 names at most,
-- and readings, readings_hourly and readings_daily referred to it as smallint. Everything becomes integer, in
-- place: the identity's sequence follows its column's type (PostgreSQL alters it with the column), existing ids
-- and rows are kept. On disk a reading does not grow: asset_ref (4 bytes) and metric_id were padded to 8 bytes
-- before ts anyway. The ALTERs rewrite readings and its key once; on a large database plan the migration for
-- a quiet hour.
--
-- TimescaleDB (feature-detected): a compressed hypertable cannot change a column's type and the continuous
-- aggregates depend on the column, so the chunks are decompressed, compression is switched off and the two
-- continuous aggregates are dropped and replaced by the plain rollup tables of V3. SchemaMigrator then runs
-- TimescaleSetup as after every migration: it switches compression back on with its policy and rebuilds the
-- continuous aggregates from the readings (WITH DATA).
DO $$
DECLARE
    hypertable boolean := false;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        EXECUTE 'SELECT EXISTS (SELECT 1 FROM timescaledb_information.hypertables'
            || ' WHERE hypertable_schema = current_schema() AND hypertable_name = ''readings'')' INTO hypertable;
    END IF;
    IF hypertable THEN
        EXECUTE 'DROP MATERIALIZED VIEW IF EXISTS readings_daily';
        EXECUTE 'DROP MATERIALIZED VIEW IF EXISTS readings_hourly';
        EXECUTE 'SELECT remove_compression_policy(''readings'', if_exists => TRUE)';
        EXECUTE 'SELECT count(decompress_chunk(c, if_compressed => TRUE)) FROM show_chunks(''readings'') c';
        EXECUTE 'ALTER TABLE readings SET (timescaledb.compress = false)';
        CREATE TABLE readings_hourly (
            asset_ref integer          NOT NULL,
            metric_id smallint         NOT NULL,
            bucket    timestamptz      NOT NULL,
            samples   bigint           NOT NULL,
            avg       double precision,
            min       double precision,
            max       double precision,
            first     double precision,
            last      double precision,
            PRIMARY KEY (asset_ref, metric_id, bucket)
        );
        CREATE INDEX readings_hourly_bucket_idx ON readings_hourly (bucket);
        CREATE TABLE readings_daily (LIKE readings_hourly INCLUDING ALL);
    END IF;
END
$$;

ALTER TABLE metrics ALTER COLUMN id TYPE integer;
ALTER TABLE readings ALTER COLUMN metric_id TYPE integer;
ALTER TABLE readings_hourly ALTER COLUMN metric_id TYPE integer;
ALTER TABLE readings_daily ALTER COLUMN metric_id TYPE integer;

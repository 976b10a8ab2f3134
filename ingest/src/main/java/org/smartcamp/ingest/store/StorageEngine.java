package org.smartcamp.ingest.store;

/** Which engine stores the readings; detected when the schema is migrated. */
public enum StorageEngine {
    /** TimescaleDB: readings is a hypertable with compression and a retention policy. */
    TIMESCALEDB,
    /** Plain PostgreSQL: the same tables, retention by a delete job. */
    POSTGRESQL
}

package org.smartcamp.ingest.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the database and how to keep its data.
 *
 * @param url       JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/smartcamp}
 * @param user      database user
 * @param password  password (empty for trust authentication); never logged
 * @param poolSize  connections in the pool
 * @param retention how long readings are kept (TimescaleDB retention policy; a delete job on plain PostgreSQL);
 *                  {@code null} keeps them forever
 * @param personalRetention how long readings of personal metrics (positions) are kept, by a delete job on both
 *                  engines; never longer than {@code retention}
 */
public record DatabaseConfig(String url, String user, String password, int poolSize, Duration retention,
                             Duration personalRetention) {
    /** Personal metrics' retention unless configured: 30 days. */
    public static final Duration DEFAULT_PERSONAL_RETENTION = Duration.ofDays(30);

    public DatabaseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("database pool size must be at least 1");
        }
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("retention must be positive");
        }
        Objects.requireNonNull(personalRetention, "personalRetention");
        if (personalRetention.isNegative() || personalRetention.isZero()) {
            throw new IllegalArgumentException("personal retention must be positive");
        }
        if (retention != null && personalRetention.compareTo(retention) > 0) {
            personalRetention = retention;
        }
    }

    /** A configuration keeping personal metrics for {@link #DEFAULT_PERSONAL_RETENTION} (or less, see above). */
    public DatabaseConfig(String url, String user, String password, int poolSize, Duration retention) {
        this(url, user, password, poolSize, retention, DEFAULT_PERSONAL_RETENTION);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", poolSize=" + poolSize + ", retention=" + retention
            + ", personalRetention=" + personalRetention + "]";
    }
}

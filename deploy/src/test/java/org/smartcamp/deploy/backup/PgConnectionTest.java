package org.smartcamp.deploy.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.store.DatabaseConfig;

class PgConnectionTest {
    @Test
    void theJdbcSettingsBecomeLibpqVariablesWithoutThePassword() {
        PgConnection c = PgConnection.of(new DatabaseConfig("jdbc:postgresql://db.example:6432/camps"
            + "?sslmode=verify-full&sslrootcert=/etc/ca.pem&currentSchema=sc&connectTimeout=5", "smartcamp", "s3cret",
            4, null));

        assertThat(c.database()).isEqualTo("camps");
        assertThat(c.environment()).containsEntry("PGHOST", "db.example").containsEntry("PGPORT", "6432")
            .containsEntry("PGUSER", "smartcamp").containsEntry("PGSSLMODE", "verify-full")
            .containsEntry("PGSSLROOTCERT", "/etc/ca.pem").containsEntry("PGCONNECT_TIMEOUT", "5")
            .doesNotContainKeys("PGPASSWORD", "PGDATABASE");
        assertThat(c.environment().values()).noneMatch(v -> v.contains("s3cret"));
    }

    @Test
    void severalHostsStaySeveralHosts() {
        PgConnection c = PgConnection.of(new DatabaseConfig("jdbc:postgresql://a:5432,b:5433/camps", "u", "", 1,
            null));

        assertThat(c.environment()).containsEntry("PGHOST", "a,b").containsEntry("PGPORT", "5432,5433");
    }

    @Test
    void thePasswordGoesIntoAFileOnlyItsOwnerReadsWithItsColonsAndBackslashesEscaped() throws Exception {
        PgConnection c = PgConnection.of(new DatabaseConfig("jdbc:postgresql://h/camps", "u", "a:b\\c", 1, null));

        Path file = c.passwordFile();
        try {
            assertThat(Files.readString(file)).isEqualTo("*:*:*:*:a\\:b\\\\c\n");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        } finally {
            Files.delete(file);
        }
        assertThat(PgConnection.of(new DatabaseConfig("jdbc:postgresql://h/camps", "u", "", 1, null))
            .passwordFile()).isNull();
    }

    @Test
    void anotherDatabaseOnTheSameServerKeepsTheParameters() {
        PgConnection c = PgConnection.of(new DatabaseConfig("jdbc:postgresql://h:5432/camps?sslmode=require", "u",
            "", 1, null)).withDatabase("camps_restored");

        assertThat(c.database()).isEqualTo("camps_restored");
        assertThat(c.environment()).containsEntry("PGSSLMODE", "require").containsEntry("PGHOST", "h");
    }

    @Test
    void aUrlWithoutADatabaseIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> PgConnection.of(new DatabaseConfig("jdbc:mysql://h/x", "u", "", 1, null)))
            .isInstanceOf(BackupException.class).hasMessageStartingWith("database.url 'jdbc:mysql://h/x'");
    }
}

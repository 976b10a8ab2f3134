package org.smartcamp.deploy.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PgToolsTest {
    @Test
    void aMissingToolIsNamedWithWhereItWasLookedFor() {
        assertThatThrownBy(() -> new PgTools(Path.of("/nonexistent/bin")).find("pg_dump"))
            .isInstanceOf(BackupException.class)
            .hasMessageStartingWith("pg_dump not found in /nonexistent/bin: install the PostgreSQL client tools")
            .hasMessageContaining("--pg-bin");
    }

    @Test
    void theErrorLinesOfAToolAreKeptForTheMessage() {
        String stderr = "pg_restore: connecting to database for restore\npg_restore: error: could not execute query:"
            + " ERROR:  relation \"x\" already exists\npg_restore: warning: errors ignored on restore: 1";

        assertThat(PgTools.errors(stderr, 3)).isEqualTo("pg_restore: error: could not execute query: ERROR:  relation"
            + " \"x\" already exists");
        assertThat(PgTools.errors("something odd", 3)).isEqualTo("something odd");
    }
}

package org.smartcamp.deploy.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private static final Manifest MANIFEST = new Manifest(Manifest.FORMAT, "smartcamp 0.1.0 (commit abc)",
        Instant.parse("2026-12-07T18:00:00Z"), "smartcamp", 150020, Manifest.POSTGRESQL, null, "22",
        "pg_dump (PostgreSQL) 15.20", "x.dump", 1234, "ab12", TableChecksums.METHOD,
        List.of(new TableChecksums.TableSum("public.camps", 10, "987654321987654321"),
            new TableChecksums.TableSum("public.readings", 0, "0")), 1.5, 1.2, 2.0);

    @Test
    void itReadsBackWhatItWrote() throws Exception {
        Path file = Files.createTempFile("manifest", ".json");
        MANIFEST.write(file);

        assertThat(Manifest.read(file)).isEqualTo(MANIFEST);
        assertThat(Files.readString(file)).contains("\"schemaVersion\" : \"22\"", "\"rows\" : 10");
        assertThat(MANIFEST.serverMajor()).isEqualTo(15);
        assertThat(MANIFEST.table("public.camps").rows()).isEqualTo(10);
    }

    @Test
    void itSitsBesideTheDump() {
        assertThat(Manifest.pathOf(Path.of("/b/smartcamp.dump"))).isEqualTo(Path.of("/b/smartcamp.dump.manifest.json"));
    }

    @Test
    void aMissingManifestOrAnotherFormatIsNamed() throws Exception {
        assertThatThrownBy(() -> Manifest.read(Path.of("/nonexistent.dump.manifest.json")))
            .isInstanceOf(BackupException.class).hasMessageContaining("no manifest /nonexistent.dump.manifest.json");
        Path file = Files.createTempFile("manifest", ".json");
        Files.writeString(file, MANIFEST.toJson().put("format", 9).encode());
        assertThatThrownBy(() -> Manifest.read(file)).isInstanceOf(BackupException.class)
            .hasMessageContaining("manifest format 9").hasMessageContaining("smartcamp 0.1.0 (commit abc)");
        Files.writeString(file, "{\"format\": 1}");
        assertThatThrownBy(() -> Manifest.read(file)).isInstanceOf(BackupException.class)
            .hasMessageContaining("is not a SmartCamp backup manifest");
    }

    @Test
    void aDifferenceNamesTheTable() {
        TableChecksums.TableSum expected = new TableChecksums.TableSum("public.camps", 10, "1");

        assertThat(Verification.difference(expected, new TableChecksums.TableSum("public.camps", 9, "1")))
            .isEqualTo("table public.camps has 9 rows, the backup 10");
        assertThat(Verification.difference(expected, new TableChecksums.TableSum("public.camps", 10, "2")))
            .startsWith("table public.camps has the backup's 10 rows but another checksum");
        assertThat(Verification.difference(expected, expected)).isNull();
    }
}

package org.smartcamp.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md must list every key with its environment variable and default. */
class ConfigReferenceTest {

    @Test
    void theReferenceListsEveryKeyItsVariableAndItsDefault() throws IOException {
        String doc = Files.readString(projectRoot().resolve("docs/configuration.md"));
        for (ConfigKey key : ConfigKey.values()) {
            String row = "| `" + key.key() + "` | `" + key.envVar() + "` | "
                + (key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`") + " |";
            assertThat(doc).as("row for %s", key.key()).contains(row);
        }
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/configuration.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("project root with docs/configuration.md").isNotNull();
        return dir;
    }
}

package org.smartcamp.deploy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.smartcamp.deploy.testsupport.ProjectFiles;

/** docs/configuration.md must list every key with its environment variable and default. */
class ConfigReferenceTest {

    @Test
    void theReferenceListsEveryKeyItsVariableAndItsDefault() throws IOException {
        String doc = Files.readString(ProjectFiles.root().resolve("docs/configuration.md"));
        for (ConfigKey key : ConfigKey.values()) {
            String row = "| `" + key.key() + "` | `" + key.envVar() + "` | "
                + (key.defaultValue().isEmpty() ? "(empty)" : "`" + key.defaultValue() + "`") + " |";
            assertThat(doc).as("row for %s", key.key()).contains(row);
        }
    }
}

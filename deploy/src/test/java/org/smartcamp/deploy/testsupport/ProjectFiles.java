package org.smartcamp.deploy.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the project checked out around the test (docs/, deploy/), whatever the working directory. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** The project root: the nearest directory upwards that holds docs/configuration.md. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/configuration.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("project root with docs/configuration.md").isNotNull();
        return dir;
    }
}

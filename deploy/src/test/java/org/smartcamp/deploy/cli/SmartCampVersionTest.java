package org.smartcamp.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code smartcamp --version} says from the jar's manifest, and without one. */
class SmartCampVersionTest {

    @Test
    void theVersionNamesTheProjectVersionAndTheCommit() {
        assertThat(SmartCamp.Version.describe("0.1.0", "b4b12db322ea"))
            .isEqualTo("smartcamp 0.1.0 (commit b4b12db322ea)");
    }

    @Test
    void aJarBuiltOutsideAGitCheckoutSaysSo() {
        assertThat(SmartCamp.Version.describe("0.1.0", "unknown"))
            .isEqualTo("smartcamp 0.1.0 (commit unknown: built outside a git checkout)");
        assertThat(SmartCamp.Version.describe("0.1.0", null)).startsWith("smartcamp 0.1.0 (commit unknown");
    }

    @Test
    void classesOutsideTheJarAreADevelopmentBuild() {
        assertThat(SmartCamp.Version.describe(null, null)).startsWith("smartcamp development build");
    }
}

package org.smartcamp.deploy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.smartcamp.deploy.config.ConfigException;
import org.smartcamp.deploy.config.ConfigLoader;
import org.smartcamp.deploy.config.Settings;
import org.smartcamp.deploy.logging.LogSetup;
import picocli.CommandLine.Option;

/** The {@code --config} option every command shares, and how settings are resolved from it. */
final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
        description = "YAML config file (default: $SMARTCAMP_CONFIG, else ./smartcamp.yaml if it exists). "
            + "SMARTCAMP_* environment variables override it.")
    Path file;

    /** Defaults, then the file, then the environment; applies the log format and level. */
    Settings load() {
        Path chosen = file;
        if (chosen == null && System.getenv("SMARTCAMP_CONFIG") != null) {
            chosen = Path.of(System.getenv("SMARTCAMP_CONFIG"));
        }
        if (chosen == null && Files.exists(Path.of("smartcamp.yaml"))) {
            chosen = Path.of("smartcamp.yaml");
        }
        if (chosen != null && !Files.isRegularFile(chosen)) {
            throw new ConfigException("config file " + chosen + " does not exist");
        }
        Settings settings = ConfigLoader.load(chosen, System.getenv());
        LogSetup.apply(settings);
        return settings;
    }
}

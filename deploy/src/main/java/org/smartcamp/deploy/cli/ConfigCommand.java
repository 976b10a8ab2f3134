package org.smartcamp.deploy.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.smartcamp.deploy.config.AlarmSettings;
import org.smartcamp.deploy.config.AnalyticsJobSettings;
import org.smartcamp.deploy.config.ApiSettings;
import org.smartcamp.deploy.config.ConfigKey;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.deploy.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smartcamp config}: the effective configuration and where each value came from (secrets masked). */
@Command(name = "config", description = "Print the effective configuration, where each value came from, and "
    + "check it.")
final class ConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Settings s = config.load();
        PrintWriter out = spec.commandLine().getOut();
        for (ConfigKey key : ConfigKey.values()) {
            String value = key.secret() && !s.text(key).isEmpty() ? "***" : s.text(key);
            out.printf("%-24s %-44s %s%n", key.key(), value, s.source(key));
        }
        IngestSettings.ingest(s);
        AnalyticsJobSettings.job(s);
        ApiSettings.api(s);
        AlarmSettings.of(s);
        out.println("configuration is valid");
        return 0;
    }
}

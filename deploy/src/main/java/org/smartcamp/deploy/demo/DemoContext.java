package org.smartcamp.deploy.demo;

import org.smartcamp.deploy.config.Settings;
import org.smartcamp.ingest.IngestConfig;

/**
 * What the demo's components are built from: the resolved settings and the ingest's configuration with the broker
 * the demo actually uses (the configured one, or the embedded one).
 *
 * @param settings the configuration as resolved (defaults, file, environment)
 * @param ingest   the ingest's configuration, pointing at the demo's broker
 */
public record DemoContext(Settings settings, IngestConfig ingest) {
}

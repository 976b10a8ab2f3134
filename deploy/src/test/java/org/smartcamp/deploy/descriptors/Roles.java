package org.smartcamp.deploy.descriptors;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Which ports each launcher command listens on, and on which interface, given a process's environment. */
final class Roles {
    private Roles() {
    }

    /** A long-running process (ingest, analytics, api) or a task that listens on nothing (migrate, ...). */
    enum Role {
        INGEST("SMARTCAMP_INGEST_HTTP_HOST", "SMARTCAMP_INGEST_HTTP_PORT", null, null),
        ANALYTICS("SMARTCAMP_ANALYTICS_HTTP_HOST", "SMARTCAMP_ANALYTICS_HTTP_PORT", null, null),
        API("SMARTCAMP_API_MANAGEMENT_HOST", "SMARTCAMP_API_MANAGEMENT_PORT", "SMARTCAMP_API_HOST",
            "SMARTCAMP_API_PORT"),
        TASK(null, null, null, null);

        private final String opsHost;
        private final String opsPort;
        private final String serviceHost;
        private final String servicePort;

        Role(String opsHost, String opsPort, String serviceHost, String servicePort) {
            this.opsHost = opsHost;
            this.opsPort = opsPort;
            this.serviceHost = serviceHost;
            this.servicePort = servicePort;
        }

        /**
         * The port of /health and /metrics, 0 for a task. The API serves them on its management port, or on the API
         * port when the management port is -1.
         */
        int healthPort(KnownConfig known, Map<String, String> env) {
            if (opsPort == null) {
                return 0;
            }
            int ops = known.port(env, opsPort);
            return ops < 0 && servicePort != null ? known.port(env, servicePort) : ops;
        }

        /** Every port the process listens on. */
        Set<Integer> ports(KnownConfig known, Map<String, String> env) {
            Set<Integer> ports = new LinkedHashSet<>();
            if (opsPort != null && known.port(env, opsPort) >= 0) {
                ports.add(known.port(env, opsPort));
            }
            if (servicePort != null) {
                ports.add(known.port(env, servicePort));
            }
            return ports;
        }

        /** The interface the process binds {@code port} to. */
        String hostOf(KnownConfig known, Map<String, String> env, int port) {
            if (servicePort != null && known.port(env, servicePort) == port) {
                return known.value(env, serviceHost);
            }
            return opsHost == null ? "" : known.value(env, opsHost);
        }
    }

    static Role of(String command) {
        return switch (command) {
            case "ingest" -> Role.INGEST;
            case "analytics" -> Role.ANALYTICS;
            case "api" -> Role.API;
            default -> Role.TASK;
        };
    }
}

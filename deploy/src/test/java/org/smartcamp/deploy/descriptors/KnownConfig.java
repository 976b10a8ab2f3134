package org.smartcamp.deploy.descriptors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.smartcamp.deploy.cli.SmartCamp;
import org.smartcamp.deploy.config.ConfigKey;
import picocli.CommandLine;

/**
 * What the launcher really understands: the configuration keys' environment variables with their defaults
 * (from {@link ConfigKey}) and the launcher's commands (from {@link SmartCamp}'s picocli model).
 *
 * <p>The API's keys and the {@code api} and {@code apikey} commands are being added to the launcher on another
 * branch, with the names and defaults fixed in the project's shared key list. Until {@link ConfigKey} has any
 * {@code api.*} key (and the launcher an {@code api} command), those agreed names are accepted; from the moment
 * the launcher has them, only the launcher's own names count, so a descriptor that drifts from them fails.
 */
final class KnownConfig {
    /** The agreed API keys and their defaults (api.managementPort 9466; empty for none). */
    private static final Map<String, String> AGREED_API_KEYS = agreedApiKeys();
    private static final List<String> AGREED_COMMANDS = List.of("api", "apikey");
    /** Variables the launcher reads that are not configuration keys: the config file, the jar, stack traces. */
    private static final Set<String> LAUNCHER_VARS = Set.of("SMARTCAMP_CONFIG", "SMARTCAMP_JAR", "SMARTCAMP_DEBUG");

    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Set<String> commands = new TreeSet<>();
    private final Set<String> secrets = new TreeSet<>();

    KnownConfig() {
        boolean launcherHasApiKeys = false;
        for (ConfigKey key : ConfigKey.values()) {
            defaults.put(key.envVar(), key.defaultValue());
            if (key.secret()) {
                secrets.add(key.envVar());
            }
            launcherHasApiKeys |= key.key().startsWith("api.");
        }
        if (!launcherHasApiKeys) {
            AGREED_API_KEYS.forEach((key, value) -> defaults.put(envVar(key), value));
        }
        commands.addAll(launcher().getSubcommands().keySet());
        if (!commands.contains("api")) {
            commands.addAll(AGREED_COMMANDS);
        }
    }

    /** Whether {@code name} is the environment variable of a configuration key. */
    boolean isKey(String name) {
        return defaults.containsKey(name);
    }

    /** Whether the launcher reads {@code name}: a configuration key or one of its own variables. */
    boolean isRead(String name) {
        return isKey(name) || LAUNCHER_VARS.contains(name);
    }

    /** Whether {@code name} holds a secret: a key marked secret, or any variable named like a password. */
    boolean isSecret(String name) {
        return secrets.contains(name) || name.contains("PASSWORD") || name.contains("SECRET");
    }

    /** The value a process gets for {@code envVar}: from its environment, else the key's default. */
    String value(Map<String, String> env, String envVar) {
        if (!isKey(envVar)) {
            throw new IllegalArgumentException(envVar + " is no configuration key");
        }
        return env.getOrDefault(envVar, defaults.get(envVar));
    }

    int port(Map<String, String> env, String envVar) {
        return Integer.parseInt(value(env, envVar));
    }

    Set<String> commands() {
        return commands;
    }

    /**
     * Fails with picocli's message when {@code args} (a launcher command line without "smartcamp") names an
     * unknown command or option; the agreed commands that the launcher does not have yet are only checked by name.
     */
    void checkCommandLine(List<String> args) {
        if (args.isEmpty() || !commands.contains(args.get(0))) {
            throw new AssertionError("unknown launcher command " + args + "; the launcher has " + commands);
        }
        CommandLine cli = launcher();
        if (cli.getSubcommands().containsKey(args.get(0))) {
            cli.parseArgs(args.toArray(String[]::new));
        }
    }

    private static CommandLine launcher() {
        return new CommandLine(new SmartCamp());
    }

    /** The same derivation as {@link ConfigKey#envVar()}. */
    static String envVar(String key) {
        return "SMARTCAMP_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> agreedApiKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("api.host", "127.0.0.1");
        keys.put("api.port", "8080");
        keys.put("api.managementHost", "127.0.0.1");
        keys.put("api.managementPort", "9466");
        for (String key : List.of("api.jwt.algorithm", "api.jwt.secret", "api.jwt.publicKeyFile", "api.jwt.jwksFile",
            "api.jwt.issuer", "api.jwt.audience", "api.rateLimit.perSecond", "api.rateLimit.burst", "api.cors.origins",
            "api.tls.certFile", "api.tls.keyFile")) {
            keys.put(key, "");
        }
        return keys;
    }
}

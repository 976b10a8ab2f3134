package org.smartcamp.deploy.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.smartcamp.api.auth.Role;
import org.smartcamp.api.store.ApiKeyRecord;
import org.smartcamp.deploy.access.ApiKeyIssuer;
import org.smartcamp.deploy.config.ConfigKey;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.deploy.config.Settings;
import org.smartcamp.platform.DataSources;
import org.smartcamp.ingest.store.DatabaseConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code smartcamp apikey}: creates, lists and revokes the API keys of machine clients and dashboard users. */
@Command(name = "apikey", description = "Create, list and revoke API keys (sent as the X-API-Key header).",
    subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
final class ApiKeyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "apikey: say create, list or revoke");
    }

    /** Opens a pool on the configured database, runs {@code work} with an issuer, closes the pool. */
    static <T> T withIssuer(Settings s, Function<ApiKeyIssuer, T> work) {
        DatabaseConfig db = IngestSettings.database(s);
        try (HikariDataSource ds = DataSources.open(db, "smartcamp-apikey", false)) {
            return work.apply(new ApiKeyIssuer(ds, db.url()));
        }
    }

    /** {@code apikey create}. */
    @Command(name = "create", description = "Create an API key and print it, once: only its hash is stored.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(names = "--name", required = true, description = "Who or what uses the key, e.g. 'BI export'.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "viewer (reads JSON), logistics (also CSV exports) or admin (also audit log and metrics).")
        String role;

        @Option(names = "--missions", split = ",", paramLabel = "ID", description = "Missions the key reads, "
            + "comma-separated; * for every mission.")
        List<String> missions = new ArrayList<>();

        @Option(names = "--camps", split = ",", paramLabel = "ID",
            description = "Camps the key reads besides those of its missions, comma-separated.")
        List<String> camps = new ArrayList<>();

        @Option(names = "--location", split = ",", paramLabel = "ID", description = "Camps or missions whose "
            + "personal metrics (vehicle positions) the key may read, comma-separated; * for every camp it reads. "
            + "Default: none.")
        List<String> location = new ArrayList<>();

        @Option(names = "--expires", paramLabel = "DURATION",
            description = "Lifetime of the key, e.g. 90d (default: until revoked).")
        String expires;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role r = Role.ofId(role.trim());
            if (r == null) {
                throw new ParameterException(spec.commandLine(), "--role is '" + role
                    + "'; expected viewer, logistics or admin");
            }
            Instant now = Instant.now();
            Instant expiresAt = expires == null ? null
                : now.plus(Settings.parsePositiveDuration("--expires", expires)).truncatedTo(ChronoUnit.SECONDS);
            List<String> m = trimmed(missions);
            List<String> c = trimmed(camps);
            List<String> l = trimmed(location);
            try {
                ApiKeyIssuer.check(name, m, c);
                ApiKeyIssuer.checkLocation(l);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            List<String> unknown = new ArrayList<>();
            ApiKeyIssuer.Issued issued = withIssuer(config.load(), i -> {
                unknown.addAll(i.unregistered(m, c));
                return i.create(name, r, m, c, l, expiresAt, now);
            });
            PrintWriter err = spec.commandLine().getErr();
            unknown.forEach(u -> err.println("smartcamp: warning: " + u + " is not registered (yet); the key reads "
                + "nothing there until it is"));
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println("API key " + issued.key().id() + " created: " + describe(issued.key()));
            out.println(issued.secret());
            out.println("This is the only time the key is shown: store it now. Send it as the X-API-Key header, or "
                + "paste it into the dashboard's sign-in form.");
            return 0;
        }

        private static List<String> trimmed(List<String> ids) {
            return ids.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        }
    }

    /** {@code apikey list}. */
    @Command(name = "list", description = "List every API key (never its secret): id, role, state, scope, name.")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<ApiKeyRecord> keys = withIssuer(config.load(), ApiKeyIssuer::list);
            PrintWriter out = spec.commandLine().getOut();
            if (keys.isEmpty()) {
                out.println("no API keys (create one with: smartcamp apikey create)");
                return 0;
            }
            Instant now = Instant.now();
            out.printf("%-14s %-9s %-8s %s%n", "ID", "ROLE", "STATE", "NAME, SCOPE, DATES");
            for (ApiKeyRecord k : keys) {
                out.printf("%-14s %-9s %-8s %s%n", k.id(), k.role(), state(k, now), describe(k));
            }
            return 0;
        }

        private static String state(ApiKeyRecord k, Instant now) {
            if (k.revokedAt() != null) {
                return "revoked";
            }
            return k.usableAt(now) ? "active" : "expired";
        }
    }

    /** {@code apikey revoke}. */
    @Command(name = "revoke", description = "Revoke an API key at once (an API process may accept it for up to "
        + "api.keyCacheTtl more).")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "ID", description = "The key's id, as apikey list shows it (key-...).")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Settings s = config.load();
            if (!withIssuer(s, i -> i.revoke(id.trim(), Instant.now()))) {
                throw new CommandException("there is no active API key with id '" + id + "' (see smartcamp apikey "
                    + "list)");
            }
            Duration ttl = s.duration(ConfigKey.API_KEY_CACHE_TTL);
            spec.commandLine().getOut().println("API key " + id.trim() + " revoked; running API processes refuse it "
                + "within " + ttl.toSeconds() + " s (api.keyCacheTtl)");
            return 0;
        }
    }

    static String describe(ApiKeyRecord k) {
        StringBuilder b = new StringBuilder("'").append(k.name()).append("', role ").append(k.role());
        if (!k.missions().isEmpty()) {
            b.append(", missions ").append(String.join(",", k.missions()));
        }
        if (!k.camps().isEmpty()) {
            b.append(", camps ").append(String.join(",", k.camps()));
        }
        if (!k.location().isEmpty()) {
            b.append(", location ").append(String.join(",", k.location()));
        }
        b.append(", created ").append(k.createdAt());
        b.append(k.expiresAt() == null ? ", never expires" : ", expires " + k.expiresAt());
        if (k.revokedAt() != null) {
            b.append(", revoked ").append(k.revokedAt());
        }
        return b.toString();
    }
}

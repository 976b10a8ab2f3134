package org.smartcamp.deploy.demo;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.ApiService;
import org.smartcamp.api.auth.Grant;
import org.smartcamp.api.auth.Role;
import org.smartcamp.deploy.access.ApiKeyIssuer;
import org.smartcamp.deploy.config.ApiSettings;
import org.smartcamp.deploy.config.ConfigKey;
import org.smartcamp.deploy.config.Settings;
import org.smartcamp.platform.DataSources;
import org.smartcamp.platform.Lifecycle;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API server and dashboard as a demo component, with a login: an admin API key for every mission, created
 * when the demo starts, printed once, and revoked when the demo stops.
 */
final class ApiComponent implements DemoComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ApiComponent.class);
    /** The demo key's lifetime, should the demo not get to revoke it (killed rather than stopped). */
    static final Duration KEY_LIFETIME = Duration.ofDays(30);

    private final ApiConfig config;
    private final DatabaseConfig db;
    private final Clock clock;
    private final Lifecycle lifecycle = new Lifecycle("demo api");
    private HikariDataSource dataSource;
    private ApiService service;
    private ApiKeyIssuer.Issued login;

    ApiComponent(DemoContext context, Clock clock) {
        this.config = demoListen(context.settings(), ApiSettings.api(context.settings()));
        this.db = context.ingest().database();
        this.clock = clock;
    }

    /**
     * Where the demo's API listens: where configured, else on 8080 or a free port if 8080 is taken, with health on
     * the API port rather than a management port of its own (one URL fewer to print).
     */
    static ApiConfig demoListen(Settings s, ApiConfig api) {
        ApiConfig.Listen l = api.listen();
        boolean defaultPort = "default".equals(s.source(ConfigKey.API_PORT));
        boolean defaultManagement = "default".equals(s.source(ConfigKey.API_MANAGEMENT_PORT));
        return api.withListen(new ApiConfig.Listen(l.host(), defaultPort ? DemoPlan.portOrFree(l.port(), "the API")
            : l.port(), l.managementHost(), defaultManagement ? -1 : l.managementPort()));
    }

    @Override
    public String name() {
        return "api";
    }

    @Override
    public void start() {
        try {
            dataSource = lifecycle.add("database pool", DataSources.open(db, "smartcamp-demo-api", false));
            login = new ApiKeyIssuer(dataSource, db.url()).create("demo login", Role.ADMIN, List.of(Grant.ALL),
                List.of(), clock.instant().plus(KEY_LIFETIME), clock.instant());
            lifecycle.onClose("demo login", this::revokeLogin);
            service = lifecycle.add("api service", new ApiService(config, dataSource, clock));
            service.start();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Stops the server, revokes the login, closes the pool: in reverse order of their start. */
    @Override
    public void stop() {
        lifecycle.close();
    }

    private void revokeLogin() {
        try {
            new ApiKeyIssuer(dataSource, db.url()).revoke(login.key().id(), clock.instant());
            LOG.info("Demo login {} revoked", login.key().id());
        } catch (RuntimeException e) {
            LOG.warn("Demo login {} not revoked ({}); it expires in {} days or with smartcamp apikey revoke",
                login.key().id(), e.getMessage(), KEY_LIFETIME.toDays());
        }
    }

    @Override
    public List<String> describe() {
        String base = service.url();
        return List.of("dashboard:     " + base + "/", "  login:       " + login.secret()
                + "  (admin API key for this run, shown once; paste it into the dashboard)",
            "API:           " + base + "/api/v1/ (send the key as X-API-Key; API page " + base + "/api/docs/)");
    }
}

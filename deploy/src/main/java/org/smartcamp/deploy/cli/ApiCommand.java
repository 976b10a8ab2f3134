package org.smartcamp.deploy.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.smartcamp.api.ApiConfig;
import org.smartcamp.api.ApiService;
import org.smartcamp.api.http.ApiException;
import org.smartcamp.deploy.config.AlarmSettings;
import org.smartcamp.deploy.config.ApiSettings;
import org.smartcamp.deploy.config.ConfigException;
import org.smartcamp.deploy.config.ConfigKey;
import org.smartcamp.deploy.config.IngestSettings;
import org.smartcamp.deploy.config.Settings;
import org.smartcamp.platform.DataSources;
import org.smartcamp.platform.Lifecycle;
import org.smartcamp.platform.ShutdownSignal;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code smartcamp api}: serves the HTTP API, its documentation page and the dashboard until stopped. */
@Command(name = "api", description = "Serve the HTTP API (/api/v1), the API page (/api/docs/) and the dashboard (/) "
    + "until stopped (Ctrl-C or SIGTERM). Every data route and the OpenAPI document need an API key (smartcamp apikey "
    + "create) or, when api.jwt.algorithm is set, a bearer token; health and the pages, which ask for the key, are "
    + "open.")
final class ApiCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiCommand.class);

    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Settings s = config.load();
        DatabaseConfig db = IngestSettings.database(s);
        ApiConfig api = ApiSettings.api(s);
        Lifecycle lifecycle = new Lifecycle("api");
        ShutdownSignal stopped = ShutdownSignal.onShutdown(() -> {
            if (lifecycle.closeAll() > 0) {
                LOG.info("API stopped");
            }
        });
        ApiService service;
        try {
            HikariDataSource ds = lifecycle.add("database pool", DataSources.open(db, "smartcamp-api",
                s.bool(ConfigKey.DATABASE_MIGRATE_ON_START)));
            service = lifecycle.add("api service", new ApiService(api, ds, Clock.systemUTC())
                .publicUrl(AlarmSettings.publicUrl(s)));
            start(service, api, db);
        } catch (RuntimeException e) {
            lifecycle.close();
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("api running on %s: API %s/api/v1/, API page %s/api/docs/, dashboard %s/; health on %s%n",
            db.url(), service.url(), service.url(), service.url(), health(api, service));
        out.flush();
        stopped.await();
        return 0;
    }

    /** Starts the server, turning what a user can fix into one clear sentence. */
    private static void start(ApiService service, ApiConfig api, DatabaseConfig db) {
        try {
            service.start();
        } catch (ApiException | IllegalStateException e) {
            // 503 when the database does not answer, a failed query when the schema is missing or old
            throw new StoreException("the API cannot read the registry from " + db.url() + ": "
                + e.getMessage().lines().findFirst().orElse("") + " (is the schema migrated? smartcamp migrate)", e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("api.jwt: " + e.getMessage());
        } catch (Exception e) {
            // Vert.x reports a port in use with a checked BindException (or Netty's native equivalent)
            if (bindFailure(e)) {
                throw new CommandException("cannot listen on " + api.listen().host() + ":" + api.listen().port()
                    + " (api.host, api.port) or " + api.listen().managementHost() + ":"
                    + api.listen().managementPort() + " (api.managementHost, api.managementPort): "
                    + e.getMessage());
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    private static boolean bindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    private static String health(ApiConfig api, ApiService service) {
        if (service.managementPort() < 0) {
            return service.url() + "/health/ready";
        }
        return "http://" + api.listen().managementHost() + ":" + service.managementPort() + "/health/ready";
    }
}

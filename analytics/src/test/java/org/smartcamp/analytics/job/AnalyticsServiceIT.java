package org.smartcamp.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartcamp.analytics.power.SettingsException;
import org.smartcamp.ingest.inventory.InventoryImporter;
import org.smartcamp.ingest.inventory.InventoryLoader;
import org.smartcamp.ingest.store.DatabaseConfig;
import org.smartcamp.ingest.testsupport.MigratedStore;

/** The analytics service on the platform's lifecycle: it starts, serves health, and closes everything it started. */
class AnalyticsServiceIT {
    private final HttpClient http = HttpClient.newHttpClient();
    private MigratedStore store;
    private DatabaseConfig db;

    @BeforeEach
    void setUp() {
        store = MigratedStore.create("service");
        db = new DatabaseConfig(store.db().url(), store.db().user(), store.db().password(), 2, null);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void servesHealthUntilStoppedThenClosesEverythingItStarted() throws Exception {
        importInventory("{fuel.theftMinLitres: 30, job.fuelContext: 21d}");
        AnalyticsService service = new AnalyticsService(db, AnalyticsJobConfig.DEFAULTS, false, Clock.systemUTC());
        service.start("127.0.0.1", 0);
        int port = service.httpPort();

        assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
        assertThat(poolConnections()).isPositive();

        service.stop(Duration.ofSeconds(10));

        assertThatThrownBy(() -> get(port, "/health/live")).isInstanceOf(ConnectException.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> poolConnections() == 0);
        assertThatCode(service::close).doesNotThrowAnyException();
    }

    @Test
    void refusesToStartOnABadSettingNamingTheCampAndTheKeyAndLeavesNothingOpen() {
        importInventory("{job.fuelContext: soon}");
        AnalyticsService service = new AnalyticsService(db, AnalyticsJobConfig.DEFAULTS, false, Clock.systemUTC());

        assertThatThrownBy(() -> service.start("127.0.0.1", 0)).isInstanceOf(SettingsException.class)
            .hasMessageStartingWith("camp c: job.fuelContext: 'soon' is not a duration");

        assertThat(service.httpPort()).isEqualTo(-1);
        await().atMost(Duration.ofSeconds(10)).until(() -> poolConnections() == 0);
    }

    private void importInventory(String campSettings) {
        new InventoryImporter(store.dataSource()).importInventory(InventoryLoader.parse("c.yaml", """
            missions: [{id: m, camps: [{id: c, analytics: %s, assets: [
              {id: c-gen, kind: generator, rated_kw: 10}, {id: c-tank, kind: fuel_tank, capacity_l: 100}]}]}]
            """.formatted(campSettings)));
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** Connections of the service's pool (its application name) to this database. */
    private long poolConnections() {
        return store.db().queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND application_name = 'smartcamp-analytics'");
    }
}

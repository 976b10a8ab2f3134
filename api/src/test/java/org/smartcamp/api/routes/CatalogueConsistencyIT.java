package org.smartcamp.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smartcamp.api.testsupport.ApiTestServer;
import org.smartcamp.api.testsupport.Http;
import org.smartcamp.ingest.catalogue.AssetKind;
import org.smartcamp.ingest.catalogue.EventKind;
import org.smartcamp.ingest.catalogue.FigureCatalogue;
import org.smartcamp.ingest.catalogue.FigureFamily;
import org.smartcamp.ingest.catalogue.Metric;
import org.smartcamp.ingest.catalogue.MetricKind;
import org.smartcamp.ingest.store.CatalogueCheck;

/**
 * The catalogue in code ({@code org.smartcamp.ingest.catalogue}) is the one the database was seeded with, the one
 * {@code GET /api/v1/catalogue} serves, the one the OpenAPI document enumerates and the one the dashboard's names
 * come from. {@link #theDashboardCheckFindsANameOutsideTheCatalogue} shows the dashboard check failing on a name that
 * is not in it; {@code CatalogueSeedsIT} shows the database check failing.
 */
class CatalogueConsistencyIT {
    private static final Path WEBROOT = Path.of("src/main/resources/webroot/js");
    /** {@code a.kind === 'generator'}, {@code runningMetric('generator')}: names of asset kinds. */
    private static final Pattern KIND_USE = Pattern.compile("(?:\\ba\\.kind === |runningMetric\\()'([a-z_]+)'");
    /** {@code 'fuel.volume'}: a dotted lower-case literal names a metric, unless a text key ({@code t('app.x')}). */
    private static final Pattern METRIC_USE =
        Pattern.compile("(?<!\\bt\\()(?<!plural\\()'([a-z][a-z0-9]*\\.[a-z][a-z0-9_]*)'");
    /** The names a view prefers among the daily figures, and the figure constants of figures.js. */
    private static final Pattern FIGURE_LIST = Pattern.compile("dailyPanel\\([^\\[]*\\[([^\\]]*)\\]");
    private static final Pattern FIGURE_CONST = Pattern.compile("export const [A-Z_]+ = '([a-z0-9_]+)'");
    /** Dotted literals that are not metrics: the browser storage keys. */
    private static final Set<String> NOT_METRICS = Set.of("smartcamp.credential", "smartcamp.lang");

    private static ApiTestServer server;
    private static JsonObject catalogue;
    private static JsonObject openapi;

    @BeforeAll
    static void start() {
        server = ApiTestServer.start("api_catalogue_consistency");
        Http http = server.http();
        String[] viewer = {"X-API-Key", server.apiKey("viewer", List.of("unmiss"), List.of())};
        catalogue = http.get("/api/v1/catalogue", viewer).json();
        openapi = http.get("/api/v1/openapi.json", viewer).json();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDatabaseWasSeededWithTheCatalogue() throws SQLException {
        try (Connection c = server.store().dataSource().getConnection()) {
            assertThat(CatalogueCheck.differences(c)).isEmpty();
        }
    }

    @Test
    void theApiServesTheCatalogue() {
        List<String> kinds = new ArrayList<>(Arrays.stream(AssetKind.values()).map(AssetKind::code).toList());
        kinds.add(AssetKind.UNKNOWN_CODE);
        assertThat(names(catalogue.getJsonArray("assetKinds"))).containsExactlyElementsOf(kinds);
        for (AssetKind k : AssetKind.values()) {
            JsonObject row = byName(catalogue.getJsonArray("assetKinds"), k.code());
            assertThat(row.getString("runningMetric")).as(k.code())
                .isEqualTo(k.runningMetric().map(Metric::wireName).orElse(null));
            assertThat(row.getJsonArray("defaultMetrics").getList()).as(k.code())
                .containsExactlyElementsOf(k.defaultMetrics().stream().map(Metric::wireName).toList());
            assertThat(row.getJsonArray("inventoryFields").getList()).as(k.code())
                .containsExactlyInAnyOrderElementsOf(k.inventoryFields());
        }
        for (Metric m : Metric.values()) {
            JsonObject row = byName(catalogue.getJsonArray("metrics"), m.wireName());
            assertThat(row.getString("unit")).as(m.wireName()).isEqualTo(m.unit().symbol());
            assertThat(row.getString("kind")).as(m.wireName()).isEqualTo(m.kind().code());
            assertThat(row.getString("sampling")).as(m.wireName()).isEqualTo(m.sampling().code());
            assertThat(row.getJsonObject("label").getString("fr")).as(m.wireName()).isNotBlank()
                .isNotEqualTo(row.getJsonObject("label").getString("en"));
            assertThat(row.getJsonArray("unitAliases").getList()).as(m.wireName())
                .containsExactlyElementsOf(m.unit().aliases().keySet());
        }
        assertThat(names(catalogue.getJsonArray("figures"))).containsExactlyElementsOf(FigureCatalogue.all().stream()
            .map(f -> f.perMetric() ? f.of("{metric}") : f.id()).toList());
        assertThat(names(catalogue.getJsonArray("eventKinds")))
            .containsExactlyElementsOf(Arrays.stream(EventKind.values()).map(EventKind::id).toList());
        assertThat(byName(catalogue.getJsonArray("eventKinds"), "refuel").getBoolean("alert")).isFalse();
        assertThat(names(catalogue.getJsonArray("alarmConditions"))).containsExactlyElementsOf(
            org.smartcamp.analytics.alarm.AlarmCondition.ids());
        assertThat(byName(catalogue.getJsonArray("alarmConditions"), "theft").getJsonObject("label").getString("fr"))
            .isEqualTo(EventKind.THEFT.label("fr"));
    }

    @Test
    void theOpenApiEnumerationsAreTheCatalogues() {
        JsonObject components = openapi.getJsonObject("components");
        JsonObject parameters = components.getJsonObject("parameters");
        assertThat(enumeration(parameters.getJsonObject("assetKind").getJsonObject("schema").getJsonObject("items")))
            .containsExactlyElementsOf(names(catalogue.getJsonArray("assetKinds")));
        assertThat(enumeration(parameters.getJsonObject("eventKind").getJsonObject("schema").getJsonObject("items")))
            .containsExactlyElementsOf(names(catalogue.getJsonArray("eventKinds")));
        JsonObject schema = components.getJsonObject("schemas").getJsonObject("Catalogue").getJsonObject("properties");
        assertThat(enumeration(item(schema, "figures").getJsonObject("family")))
            .containsExactlyElementsOf(Arrays.stream(FigureFamily.values()).map(FigureFamily::code).toList());
        assertThat(enumeration(item(schema, "metrics").getJsonObject("kind")))
            .containsExactlyElementsOf(Arrays.stream(MetricKind.values()).map(MetricKind::code).toList());
        assertThat(item(schema, "assetKinds").fieldNames())
            .containsAll(byName(catalogue.getJsonArray("assetKinds"), "generator").fieldNames());
        assertThat(item(schema, "metrics").fieldNames())
            .containsAll(byName(catalogue.getJsonArray("metrics"), "power.active").fieldNames());
        assertThat(item(schema, "eventKinds").fieldNames())
            .containsAll(byName(catalogue.getJsonArray("eventKinds"), "theft").fieldNames());
    }

    @Test
    void theDashboardNamesOnlyWhatTheCatalogueHas() throws IOException {
        assertThat(outsideCatalogue(dashboard())).isEmpty();
    }

    @Test
    void theDashboardCheckFindsANameOutsideTheCatalogue() throws IOException {
        Map<String, String> files = dashboard();
        files.put("views/drifted.js", "const t = assets.filter(a => a.kind === 'fuel_tnak' && s.kind === 'asset');\n"
            + "const m = 'fuel.volumes';\nconst d = dailyPanel(rows, ['fuel_burnt_l'], labelOf, 'x', range);\n"
            + "const kinds = ['refuel', 'theft'];\nconst text = t('fuel.title');\n");
        assertThat(outsideCatalogue(files)).containsExactlyInAnyOrder(
            "views/drifted.js: asset kind 'fuel_tnak'", "views/drifted.js: metric 'fuel.volumes'",
            "views/drifted.js: figure 'fuel_burnt_l'", "views/drifted.js: event kind 'refuel' listed",
            "views/drifted.js: event kind 'theft' listed");
    }

    /**
     * Names the dashboard uses that the catalogue lacks, and event kinds a view lists itself instead of reading
     * them from the catalogue (catalogue.js is the one place that may know the vocabulary's shape).
     */
    private static List<String> outsideCatalogue(Map<String, String> files) {
        Set<String> kinds = Arrays.stream(AssetKind.values()).map(AssetKind::code).collect(Collectors.toSet());
        Set<String> metrics = Arrays.stream(Metric.values()).map(Metric::wireName).collect(Collectors.toSet());
        Set<String> events = Arrays.stream(EventKind.values()).map(EventKind::id).collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        files.forEach((file, text) -> {
            find(KIND_USE, text).filter(k -> !kinds.contains(k))
                .forEach(k -> out.add(file + ": asset kind '" + k + "'"));
            find(METRIC_USE, text).filter(m -> !metrics.contains(m) && !NOT_METRICS.contains(m))
                .forEach(m -> out.add(file + ": metric '" + m + "'"));
            Stream.concat(find(FIGURE_LIST, text).flatMap(list -> find(Pattern.compile("'([a-z0-9_]+)'"), list)),
                    find(FIGURE_CONST, text))
                .filter(f -> FigureCatalogue.find(f).isEmpty()).forEach(f -> out.add(file + ": figure '" + f + "'"));
            find(Pattern.compile("'([a-z_]+)'"), text).filter(events::contains)
                .forEach(e -> out.add(file + ": event kind '" + e + "' listed"));
        });
        return out;
    }

    private static Map<String, String> dashboard() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(WEBROOT)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                out.put(WEBROOT.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        assertThat(out).containsKeys("catalogue.js", "views/utilization.js", "views/events.js");
        return out;
    }

    private static Stream<String> find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out.stream();
    }

    private static JsonObject item(JsonObject properties, String array) {
        return properties.getJsonObject(array).getJsonObject("items").getJsonObject("properties");
    }

    private static List<Object> enumeration(JsonObject schema) {
        assertThat(schema.containsKey("enum")).as(schema.encode()).isTrue();
        return schema.getJsonArray("enum").getList();
    }

    private static List<String> names(JsonArray rows) {
        return rows.stream().map(JsonObject.class::cast).map(r -> r.getString("name")).toList();
    }

    private static JsonObject byName(JsonArray rows, String name) {
        return rows.stream().map(JsonObject.class::cast).filter(r -> name.equals(r.getString("name"))).findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + " in " + rows));
    }
}

package org.smartcamp.simulator.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.smartcamp.simulator.gateway.WireProtocol;

/**
 * Reads scenario YAML files (docs/simulator.md describes the format) into validated {@link Scenario}s.
 * Every problem is reported as a {@link ScenarioException} naming the file, the field and what is wrong.
 */
public final class ScenarioLoader {
    /** The scenarios bundled in the jar, loadable by name. */
    public static final List<String> BUNDLED = List.of("small-outpost", "battalion-camp", "logistics-hub");
    /**
     * Scenarios written to break the analyzers rather than with them (irregular tanks, noisy and stuck gauges, no
     * flow meters, one-minute runs under load following, cycle charging near the rating); bundled too, scored by
     * {@code smartcamp accuracy --scenarios} beside the others (docs/analytics-accuracy.md).
     */
    public static final List<String> ADVERSARIAL = List.of("gauge-trouble-outpost", "load-following-pair",
        "hybrid-cycle-charging");

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
        .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final List<Double> DAILY = List.of(0.55, 0.5, 0.5, 0.5, 0.5, 0.55, 0.7, 0.9, 1.0, 1.1, 1.15, 1.2,
        1.2, 1.2, 1.2, 1.15, 1.1, 1.1, 1.2, 1.25, 1.2, 1.0, 0.8, 0.65);
    private static final List<Double> WEEKLY = List.of(1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 0.85);

    private ScenarioLoader() {
    }

    /**
     * Loads a scenario file, or a bundled scenario by name ({@link #BUNDLED}) when no such file exists.
     *
     * @throws ScenarioException when neither exists or the scenario is invalid
     */
    public static Scenario load(String fileOrName) {
        Path path = Path.of(fileOrName);
        if (Files.isRegularFile(path)) {
            return load(path);
        }
        String resource = "scenarios/" + fileOrName + ".yaml";
        try (InputStream in = ScenarioLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ScenarioException(fileOrName, "", "no such file, and not a bundled scenario (bundled: "
                    + String.join(", ", BUNDLED) + ", " + String.join(", ", ADVERSARIAL) + ")");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new ScenarioException(resource, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Loads the scenario file at {@code path}. */
    public static Scenario load(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new ScenarioException(path.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses scenario YAML text; {@code source} names it in error messages. */
    public static Scenario parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source, "", "is not valid YAML: " + e.getOriginalMessage(), e);
        }
        ScenarioNode n = new ScenarioNode(source, "", root).allow("name", "description", "seed", "start",
            "duration", "step", "protocol", "mission", "camp", "weather", "load", "dispatch", "gateways", "generators",
            "tanks", "pv", "battery", "vehicles", "water_tanks", "events");
        List<GatewaySpec> gateways = gateways(n);
        AssetReader assets = new AssetReader(gateways.get(0).id());
        Scenario scenario = new Scenario(header(n), mission(n.object("mission")), camp(n.object("camp")),
            new EnvironmentSpec(weather(n.optionalObject("weather"), gateways.get(0).id()),
                load(n.optionalObject("load"))),
            assets.plant(n), assets.vehicles(n), assets.water(n), gateways, EventReader.events(n));
        new ScenarioChecker(scenario, n).check();
        return scenario;
    }

    private static ScenarioHeader header(ScenarioNode n) {
        Duration step = n.positiveDuration("step", Duration.ofSeconds(10));
        if (step.toMillis() % 1000 != 0 || Duration.ofMinutes(1).toMillis() % step.toMillis() != 0) {
            throw n.error("step", "must be a whole number of seconds that divides a minute, e.g. 10s");
        }
        long seed = (long) n.number("seed", 1);
        WireProtocol protocol;
        try {
            protocol = WireProtocol.parse(n.text("protocol", WireProtocol.SMARTCAMP.text()));
        } catch (IllegalArgumentException e) {
            throw n.error("protocol", "must be smartcamp or sparkplug");
        }
        return new ScenarioHeader(n.text("name"), n.text("description", ""), seed, n.instant("start"),
            n.positiveDuration("duration", Duration.ofDays(1)), step, protocol);
    }

    private static MissionSpec mission(ScenarioNode n) {
        n.allow("id", "name");
        return new MissionSpec(n.id("id"), n.text("name", n.text("id")));
    }

    private static CampSpec camp(ScenarioNode n) {
        n.allow("id", "name", "latitude", "longitude", "population");
        return new CampSpec(n.id("id"), n.text("name", n.text("id")), n.range("latitude", 0, -90, 90),
            n.range("longitude", 0, -180, 180), n.count("population", 0, 1, 1_000_000));
    }

    private static WeatherSpec weather(ScenarioNode w, String gateway) {
        ScenarioNode n = w == null ? new ScenarioNode("", "weather", JsonNodeFactory.instance.objectNode()) : w;
        n.allow("mean_temp_c", "daily_amplitude_c", "peak_hour", "noise_c", "sunrise_hour", "sunset_hour",
            "peak_irradiance_w_m2", "cloudiness", "report_interval", "gateway");
        double sunrise = n.range("sunrise_hour", 6, 0, 24);
        double sunset = n.range("sunset_hour", 18, 0, 24);
        if (sunset <= sunrise) {
            throw n.error("sunset_hour", "must be later than sunrise_hour");
        }
        return new WeatherSpec(n.range("mean_temp_c", 28, -60, 60), n.range("daily_amplitude_c", 6, 0, 30),
            n.range("peak_hour", 15, 0, 24), n.range("noise_c", 0.8, 0, 10), sunrise, sunset,
            n.range("peak_irradiance_w_m2", 950, 0, 1400), n.range("cloudiness", 0.2, 0, 1),
            AssetReader.reporting(n, gateway, Duration.ofMinutes(5)));
    }

    private static LoadSpec load(ScenarioNode l) {
        if (l == null) {
            return new LoadSpec(1.0, DAILY, WEEKLY, 1.0, 24, 0.05, 0.85);
        }
        l.allow("kw_per_person", "daily_shape", "weekly_shape", "cooling_kw_per_degc", "cooling_threshold_c",
            "variation", "power_factor");
        List<Double> daily = l.has("daily_shape") ? l.numbers("daily_shape") : DAILY;
        List<Double> weekly = l.has("weekly_shape") ? l.numbers("weekly_shape") : WEEKLY;
        if (daily.size() != 24 || daily.stream().anyMatch(d -> d < 0)) {
            throw l.error("daily_shape", "must be 24 factors (one per hour) that are not negative");
        }
        if (weekly.size() != 7 || weekly.stream().anyMatch(d -> d < 0)) {
            throw l.error("weekly_shape", "must be 7 factors (Monday first) that are not negative");
        }
        return new LoadSpec(l.positive("kw_per_person", 1.0), daily, weekly,
            l.range("cooling_kw_per_degc", 1.0, 0, 1e4), l.range("cooling_threshold_c", 24, -50, 60),
            l.range("variation", 0.05, 0, 0.5), l.range("power_factor", 0.85, 0.3, 1));
    }

    private static List<GatewaySpec> gateways(ScenarioNode n) {
        List<ScenarioNode> nodes = n.list("gateways");
        if (nodes.isEmpty()) {
            throw n.error("gateways", "is missing: a camp needs at least one gateway");
        }
        return nodes.stream().map(g -> {
            g.allow("id", "uplink_interval", "max_batch_readings");
            return new GatewaySpec(g.id("id"), g.positiveDuration("uplink_interval", Duration.ofMinutes(1)),
                g.count("max_batch_readings", 1000, 1, 5000));
        }).toList();
    }
}

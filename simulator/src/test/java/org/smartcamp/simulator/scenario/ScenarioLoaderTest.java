package org.smartcamp.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.smartcamp.simulator.gateway.WireProtocol;

class ScenarioLoaderTest {
    private static final String VALID = String.join("\n",
        "name: t",
        "start: 2026-03-02T00:00:00Z",
        "mission: {id: m1}",
        "camp: {id: c1, population: 10}",
        "gateways: [{id: gw-1}]",
        "generators: [{id: gen-1, rated_kw: 20, tank: tank-1}]",
        "tanks: [{id: tank-1, capacity_l: 1000, strapping: [[0, 0], [1000, 1000]]}]",
        "events: [{kind: refuel, asset: tank-1, at: 1h, volume_l: 100}]",
        "");

    static final java.util.List<String> BUNDLED = ScenarioLoader.BUNDLED;

    @ParameterizedTest
    @FieldSource("BUNDLED")
    void bundledScenariosLoadAndHaveSeveralEventsIncludingAMultiHourOutage(String name) {
        Scenario s = ScenarioLoader.load(name);

        assertThat(s.header().name()).isEqualTo(name);
        assertThat(s.events()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(s.events())
            .anyMatch(e -> e instanceof OutageEvent && e.duration().compareTo(Duration.ofHours(2)) > 0);
        assertThat(s.plant().generators()).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "camp: {id: c1, population: 10}|camp: {id: C1, population: 10}|camp.id: 'C1' is not an id",
        "rated_kw: 20|rated_kw: -20|generators[0].rated_kw: must be greater than zero",
        "rated_kw: 20|rated_kw: 20, colour: red|generators[0].colour: unknown field",
        "tank: tank-1}|tank: tank-9}|generators[0].tank: 'tank-9' is not a fuel_tank of this camp",
        "[1000, 1000]|[1000, 900]|tanks[0].strapping: its last row holds 900.0 L, not the capacity 1000.0 L",
        "[[0, 0], [1000, 1000]]|[[0, 0], [0, 1000]]|tanks[0].strapping: row 1 must have a higher level",
        "kind: refuel|kind: flood|events[0].kind: 'flood' is not refuel",
        "at: 1h|at: soon|events[0].at: 'soon' is not a duration",
        "gateways: [{id: gw-1}]|gateways: []|gateways: is missing",
        "tank: tank-1}|tank: tank-1, counters: maybe}|generators[0].counters: must be true or false",
        "tank: tank-1}|tank: tank-1, fuel_rate: 1}|generators[0].fuel_rate: must be true or false",
        "start: 2026-03-02T00:00:00Z|start: yesterday|start: 'yesterday' is not an ISO 8601 UTC instant",
        "refuel, asset: tank-1, at: 1h, volume_l: 100|sensor_fault, asset: tank-1, fault: scale_spikes, at: 1h, "
            + "factors: [0.5, 1]|events[0].factors[1]: '1.0' must be between 0 and 100 and not 1",
        "refuel, asset: tank-1, at: 1h, volume_l: 100|sensor_fault, asset: tank-1, fault: random_dropout, at: 1h, "
            + "rate: 1.5|events[0].rate: 1.5 is outside [0.0, 1.0]",
        "refuel, asset: tank-1, at: 1h, volume_l: 100|sensor_fault, asset: tank-1, fault: random_dropout, at: 1h, "
            + "rate: 0|events[0].rate: must be above 0",
        "refuel, asset: tank-1, at: 1h, volume_l: 100|sensor_fault, asset: tank-1, fault: stuck, at: 1h, "
            + "rate: 0.1|events[0].rate: is only for fault random_dropout or scale_spikes, not stuck",
        "refuel, asset: tank-1, at: 1h, volume_l: 100|sensor_fault, asset: tank-1, fault: random_dropout, at: 1h, "
            + "factors: [2]|events[0].factors: is only for fault scale_spikes, not random_dropout",
        "refuel, asset: tank-1, at: 1h, volume_l: 100|sensor_fault, asset: tank-1, fault: wobble, at: 1h"
            + "|events[0].fault: 'wobble' is not stuck, spikes, dropout, sloshing, random_dropout or scale_spikes",
    })
    void badFilesAreRefusedNamingFileFieldAndProblem(String from, String to, String message) {
        String yaml = VALID.replace(from, to);
        assertThat(yaml).isNotEqualTo(VALID);

        assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "bad.yaml"))
            .isInstanceOf(ScenarioException.class)
            .hasMessageStartingWith("bad.yaml: " + message);
    }

    @org.junit.jupiter.api.Test
    void defaultsApplyAndIdsArePrefixedWithTheCamp() {
        Scenario s = ScenarioLoader.parse(VALID, "ok.yaml");

        assertThat(s.header().step()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.plant().generators().get(0).curve()).isEqualTo(FuelCurve.DEFAULT);
        assertThat(s.plant().generators().get(0).reporting()).isEqualTo(new Reporting("gw-1", Duration.ofMinutes(1)));
        assertThat(s.camp().assetId("gen-1")).isEqualTo("c1-gen-1");
        assertThat(s.header().protocol()).isEqualTo(WireProtocol.SMARTCAMP);
        assertThat(ScenarioLoader.parse(VALID.replace("name: t", "name: t\nprotocol: sparkplug"), "sp.yaml").header()
            .protocol()).isEqualTo(WireProtocol.SPARKPLUG);
        assertThatThrownBy(() -> ScenarioLoader.parse(VALID.replace("name: t", "name: t\nprotocol: amqp"), "x.yaml"))
            .isInstanceOf(ScenarioException.class).hasMessageStartingWith("x.yaml: protocol: must be smartcamp or");
    }

    @org.junit.jupiter.api.Test
    void anUnknownNameIsRefusedListingTheBundledScenarios() {
        assertThatThrownBy(() -> ScenarioLoader.load("no-such-camp"))
            .hasMessageContaining("no-such-camp").hasMessageContaining("small-outpost");
    }
}

package org.smartcamp.ingest.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smartcamp.ingest.catalogue.AssetKind;

class InventoryLoaderTest {

    @Test
    void aCompleteInventoryIsReadWithEveryKindsProperties() {
        Inventory inventory = InventoryLoader.parse("test.yaml", """
            missions:
              - id: unmiss
                name: UN Mission in South Sudan
                camps:
                  - id: juba1
                    name: Juba
                    latitude: 4.85
                    longitude: 31.58
                    population: 800
                    timezone: Africa/Juba
                    assets:
                      - {id: juba1-gen-1, kind: generator, rated_kw: 500, fuel_curve: {f0: 0.08145, f1: 0.246}}
                      - {id: juba1-tank-1, kind: fuel_tank, capacity_l: 50000, unusable_l: 500,
                         strapping: [[0, 0], [1000, 20000], [2500, 50000]]}
                      - {id: juba1-pv-1, kind: pv, rated_kwp: 250}
                      - {id: juba1-bat-1, kind: battery, capacity_kwh: 500}
                      - {id: juba1-veh-1, kind: vehicle, fuel_capacity_l: 150, service_interval_h: 250,
                         attributes: {plate: UN-1234}}
                      - {id: juba1-water-1, kind: water_tank, capacity_l: 20000}
                      - {id: juba1-wx, kind: weather}
            """);

        assertThat(inventory.missions()).hasSize(1);
        Inventory.Camp camp = inventory.missions().get(0).camps().get(0);
        assertThat(camp.latitude()).isEqualTo(4.85);
        assertThat(camp.population()).isEqualTo(800);
        assertThat(inventory.assetCount()).isEqualTo(7);
        Inventory.Asset gen = camp.assets().get(0);
        assertThat(gen.kind()).isEqualTo(AssetKind.GENERATOR);
        assertThat(gen.fuelCurve()).isEqualTo(new Inventory.FuelCurve(0.08145, 0.246));
        assertThat(camp.assets().get(1).strapping()).containsExactly(new Inventory.StrappingPoint(0, 0),
            new Inventory.StrappingPoint(1000, 20000), new Inventory.StrappingPoint(2500, 50000));
        assertThat(camp.assets().get(4).attributes()).containsEntry("plate", "UN-1234");
    }

    @Test
    void aDatasheetIsFittedToTheLinearFuelCurveByLeastSquares() {
        Inventory inventory = InventoryLoader.parse("test.yaml", """
            missions:
              - id: m
                camps:
                  - id: c
                    assets:
                      - id: g
                        kind: generator
                        rated_kw: 100
                        fuel_curve: {datasheet: [[25, 9.8], [50, 15.5], [75, 22.0], [100, 28.0]]}
            """);

        Inventory.FuelCurve curve = inventory.missions().get(0).camps().get(0).assets().get(0).fuelCurve();
        // Hand-computed least squares over (25, 9.8) (50, 15.5) (75, 22.0) (100, 28.0) kW:
        // slope = Sxy / Sxx = 763.75 / 3125 = 0.2444 L/kWh; intercept = 18.825 - 0.2444 * 62.5 = 3.55 L/h,
        // i.e. 0.0355 L/h per rated kW.
        assertThat(curve.f1()).isCloseTo(0.2444, within(1e-9));
        assertThat(curve.f0()).isCloseTo(0.0355, within(1e-9));
    }

    @Test
    void everyErrorNamesTheFileTheFieldAndWhatIsWrong() {
        assertError("missions: [{id: m, camps: [{id: c, assets: [{id: g, kind: generator}]}]}]",
            "f.yaml: missions[0].camps[0].assets[0].rated_kw: is required");
        assertError("missions: [{id: m, camps: [{id: c, assets: [{id: g, kind: generator, rated_kw: 5,"
            + " ratedkw: 6}]}]}]",
            "f.yaml: missions[0].camps[0].assets[0].ratedkw: unknown field");
        assertError("missions: [{id: M1}]", "f.yaml: missions[0].id: 'M1' must match");
        assertError("missions: [{id: m, camps: [{id: c}, {id: c}]}]", "f.yaml: missions[0].camps[1].id: 'c' is used"
            + " twice");
        assertError("missions: [{id: m, camps: [{id: c, latitude: 95, longitude: 3}]}]",
            "f.yaml: missions[0].camps[0].latitude: must be at least -90.0 and at most 90.0");
        assertError("missions: [{id: m, camps: [{id: c, assets: [{id: t, kind: fuel_tank, capacity_l: 10,"
            + " strapping: [[0, 0], [10, 5], [5, 8]]}]}]}]",
            "f.yaml: missions[0].camps[0].assets[0].strapping[2]: level and litres must both increase");
        assertError("missions: [{id: m, camps: [{id: c, assets: [{id: x, kind: windmill}]}]}]",
            "f.yaml: missions[0].camps[0].assets[0].kind: unknown asset kind 'windmill'");
        assertError("missions: [{id: m, camps: [{id: c, assets: [{id: g, kind: generator, rated_kw: high}]}]}]",
            "rated_kw: must be a number, not 'high'");
        assertError("missions: [", "f.yaml: not valid YAML or JSON");
        assertError("missions:\n  - id: m\n    id: n\n",
            "f.yaml: not valid YAML or JSON: Duplicate field 'id' (line 3)");
        assertError("- just a list", "f.yaml: the inventory must be a mapping");
    }

    @Test
    void generatorsAndDayTanksNameTheTankTheyDrawFromAndSettingsOverridesAreFlattened() {
        Inventory inventory = InventoryLoader.parse("test.yaml", """
            missions:
              - id: m
                camps:
                  - id: c
                    analytics: {fuel: {theftMinLitres: 30, leakWindow: 2d}, quality.staleAfter: 45m}
                    assets:
                      - {id: c-gen, kind: generator, rated_kw: 100, tank: c-day, analytics: {fuel.theftMinLitres: 20}}
                      - {id: c-day, kind: fuel_tank, capacity_l: 1000, supply_tank: c-bulk}
                      - {id: c-bulk, kind: fuel_tank, capacity_l: 50000}
                      - {id: c-truck, kind: vehicle, fuel_capacity_l: 200, tank: c-bulk}
            """);

        Inventory.Camp camp = inventory.missions().get(0).camps().get(0);
        assertThat(camp.analytics()).containsOnly(Map.entry("fuel.theftMinLitres", "30"),
            Map.entry("fuel.leakWindow", "2d"), Map.entry("quality.staleAfter", "45m"));
        assertThat(camp.assets().get(0).supplyTankId()).isEqualTo("c-day");
        assertThat(camp.assets().get(0).analytics()).containsOnly(Map.entry("fuel.theftMinLitres", "20"));
        assertThat(camp.assets().get(1).supplyTankId()).isEqualTo("c-bulk");
        assertThat(camp.assets().get(2).supplyTankId()).isNull();
        assertThat(camp.assets().get(3).supplyTankId()).as("the tank that fuels the vehicle").isEqualTo("c-bulk");
    }

    @Test
    void aSupplyTankMustBeAnotherFuelTankOfTheSameCamp() {
        String head = "missions: [{id: m, camps: [{id: c, assets: [";
        assertError(head + "{id: g, kind: generator, rated_kw: 5, tank: w}, {id: w, kind: water_tank,"
            + " capacity_l: 9}]}, {id: d, assets: [{id: t, kind: fuel_tank, capacity_l: 9}]}]}]",
            "f.yaml: missions[0].camps[0].assets[0].tank: 'w' is not a fuel_tank of camp c");
        assertError(head + "{id: g, kind: generator, rated_kw: 5, tank: t}]}, {id: d, assets: [{id: t,"
            + " kind: fuel_tank, capacity_l: 9}]}]}]",
            "f.yaml: missions[0].camps[0].assets[0].tank: 't' is not a fuel_tank of camp c");
        assertError(head + "{id: t, kind: fuel_tank, capacity_l: 9, supply_tank: t}]}]}]",
            "assets[0].supply_tank: 't' is not another fuel_tank of camp c");
        assertError(head + "{id: p, kind: pv, rated_kwp: 9, tank: t}]}]}]", "assets[0].tank: unknown field");
        assertError(head + "{id: v, kind: vehicle, tank: g}, {id: g, kind: generator, rated_kw: 5}]}]}]",
            "assets[0].tank: 'g' is not a fuel_tank of camp c");
        assertError(head + "{id: t, kind: fuel_tank, capacity_l: 9, analytics: {fuel: [1, 2]}}]}]}]",
            "assets[0].analytics.fuel: must be a number, text or true/false");
        assertError(head + "{id: t, kind: fuel_tank, capacity_l: 9, attributes: {analytics: {a: 1}}}]}]}]",
            "assets[0].attributes.analytics: is reserved");
    }

    @Test
    void anAssetIdIsUniqueWithinItsCampAndTwoCampsMayShareItAndACampMayBeStrictAboutMetrics() {
        Inventory inventory = InventoryLoader.parse("f.yaml", "missions: [{id: m, camps: [{id: a, strict_metrics: true,"
            + " assets: [{id: dg-1, kind: generator, rated_kw: 5}]}, {id: b, assets: [{id: dg-1, kind: generator,"
            + " rated_kw: 7}]}]}]");

        assertThat(inventory.missions().get(0).camps()).extracting(c -> c.id() + ":" + c.assets().get(0).id() + ":"
            + c.assets().get(0).ratedKw() + ":" + c.strictMetrics()).containsExactly("a:dg-1:5.0:true",
            "b:dg-1:7.0:null");
        assertError("missions: [{id: m, camps: [{id: a, assets: [{id: dg-1, kind: pv, rated_kwp: 1}, {id: dg-1,"
            + " kind: pv, rated_kwp: 2}]}]}]", "f.yaml: missions[0].camps[0].assets[1].id: 'dg-1' is used twice");
        assertError("missions: [{id: m, camps: [{id: a, strict_metrics: often}]}]", "strict_metrics");
    }

    @Test
    void aCampsTimeZoneIsAnIanaIdAndMayBeLeftOut() {
        Inventory inventory = InventoryLoader.parse("f.yaml", "missions: [{id: m, camps: [{id: a, timezone: "
            + "Africa/Nairobi}, {id: b}]}]");

        assertThat(inventory.missions().get(0).camps()).extracting(Inventory.Camp::timezone)
            .containsExactly("Africa/Nairobi", null);
        assertError("missions: [{id: m, camps: [{id: a, timezone: Mars/Olympus}]}]",
            "f.yaml: missions[0].camps[0].timezone: 'Mars/Olympus' is not a time zone id such as Africa/Juba");
    }

    @Test
    void jsonIsAcceptedToo() {
        Inventory inventory = InventoryLoader.parse("f.json",
            "{\"missions\": [{\"id\": \"m\", \"camps\": [{\"id\": \"c\", \"assets\": [{\"id\": \"p\", \"kind\": \"pv\","
                + " \"rated_kwp\": 12}]}]}]}");

        assertThat(inventory.assetCount()).isEqualTo(1);
        assertThat(inventory.missions().get(0).camps().get(0).assets().get(0).ratedKwp()).isEqualTo(12);
    }

    private static void assertError(String yaml, String message) {
        assertThatThrownBy(() -> InventoryLoader.parse("f.yaml", yaml))
            .isInstanceOf(InventoryException.class)
            .hasMessageContaining(message);
    }
}

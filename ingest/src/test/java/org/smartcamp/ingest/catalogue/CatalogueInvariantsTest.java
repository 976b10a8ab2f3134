package org.smartcamp.ingest.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the rest of the code relies on in the catalogue's definitions. */
class CatalogueInvariantsTest {

    @Test
    void namesAreUnique() {
        assertThat(Arrays.stream(Metric.values()).map(Metric::wireName)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(AssetKind.values()).map(AssetKind::code)).doesNotHaveDuplicates()
            .doesNotContain(AssetKind.UNKNOWN_CODE);
        assertThat(Arrays.stream(EventKind.values()).map(EventKind::id)).doesNotHaveDuplicates();
    }

    @Test
    void aKindsRunningMetricIsABooleanItReports() {
        for (AssetKind k : AssetKind.values()) {
            k.runningMetric().ifPresent(m -> {
                assertThat(m.unit()).as(k.code()).isEqualTo(Unit.BOOL);
                assertThat(k.defaultMetrics()).as(k.code()).contains(m);
            });
            assertThat(k.inventoryFields()).as(k.code()).containsAll(Arrays.stream(new String[] {"rated_kw",
                "capacity_l", "rated_kwp", "capacity_kwh"}).filter(k::requires).toList());
            k.supplyField().ifPresent(f -> assertThat(k.inventoryFields()).as(k.code()).contains(f));
        }
    }

    @Test
    void noTwoAliasesOfAUnitDifferOnlyByCase() {
        for (Unit u : Unit.values()) {
            Set<String> seen = new HashSet<>(Set.of(u.symbol().toLowerCase(Locale.ROOT)));
            u.aliases().keySet().stream().filter(a -> !a.startsWith("M"))
                .forEach(a -> assertThat(seen.add(a.toLowerCase(Locale.ROOT))).as(u + " " + a).isTrue());
        }
    }

    @Test
    void aBooleanTakesAnEmptyUnitAndNothingElseDoes() {
        assertThat(Unit.BOOL.factorFrom("")).contains(1.0);
        assertThat(Arrays.stream(Unit.values()).filter(u -> u != Unit.BOOL)
            .filter(u -> u.factorFrom("").isPresent())).isEmpty();
        assertThat(Unit.LITRE.factorFrom("LITRES")).contains(1.0);
        assertThat(Unit.LITRE_PER_HOUR.factorFrom("l/min")).contains(60.0);
    }
}

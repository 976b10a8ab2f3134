package org.smartcamp.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistrationQuotaTest {
    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
    private final RegistrationQuota quota = new RegistrationQuota(new RegistrationPolicy(true, 10, 15, 3, 4));

    @Test
    void aGatewayMayRegisterUpToItsQuotaInAnHourAndAgainTheNextHour() {
        assertThat(quota.admit("c", "gw", 6, 0, T0)).isNull();
        assertThat(quota.admit("c", "gw", 4, 0, T0.plusSeconds(10))).isNull();
        assertThat(quota.admit("c", "gw", 1, 0, T0.plusSeconds(20))).contains("gateway 'gw'", "quota is 10");
        assertThat(quota.admit("c", "gw", 0, 1, T0.plusSeconds(20))).isNull();
        assertThat(quota.admit("c", "gw", 1, 0, T0.plusSeconds(3600))).isNull();
    }

    @Test
    void theCampsQuotaHoldsAcrossItsGatewaysAndARefusalCountsNothing() {
        assertThat(quota.admit("c", "gw-1", 0, 3, T0)).isNull();
        assertThat(quota.admit("c", "gw-2", 0, 2, T0)).contains("camp 'c'", "new asset", "quota is 4");
        assertThat(quota.admit("c", "gw-2", 0, 1, T0)).isNull();
        assertThat(quota.admit("other", "gw-1", 0, 3, T0)).isNull();
    }
}

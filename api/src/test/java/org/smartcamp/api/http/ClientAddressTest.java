package org.smartcamp.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress proxied = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        assertThat(new ClientAddress(List.of()).resolve("10.0.0.1", List.of("203.0.113.7"))).isEqualTo("10.0.0.1");
        assertThat(proxied.resolve("198.51.100.9", List.of("203.0.113.7"))).as("an untrusted peer")
            .isEqualTo("198.51.100.9");
    }

    @Test
    void fromATrustedProxyTheNearestUntrustedHopIsTheClient() {
        assertThat(proxied.resolve("10.1.2.3", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(proxied.resolve("10.1.2.3", List.of("1.1.1.1, 203.0.113.7"))).as("a forged left part")
            .isEqualTo("203.0.113.7");
        assertThat(proxied.resolve("10.1.2.3", List.of("203.0.113.7, 192.168.1.7", "10.9.9.9")))
            .as("through a chain of trusted proxies, over several headers").isEqualTo("203.0.113.7");
        assertThat(proxied.resolve("fd12::1", List.of("2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(proxied.resolve("10.1.2.3", List.of("203.0.113.7:4711"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aHopThatIsNoAddressStopsTheWalkAndNothingIsLookedUp() {
        assertThat(proxied.resolve("10.1.2.3", List.of("evil.example.org"))).isEqualTo("10.1.2.3");
        assertThat(proxied.resolve("10.1.2.3", List.of("203.0.113.7, unknown"))).isEqualTo("10.1.2.3");
        assertThat(proxied.resolve("10.1.2.3", List.of("999.1.1.1"))).isEqualTo("10.1.2.3");
        assertThat(proxied.resolve("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
        assertThat(ClientAddress.literal("beef")).as("hex that is a host name").isNull();
    }

    @Test
    void blocksMatchTheirPrefixOnly() {
        ClientAddress odd = new ClientAddress(List.of("172.16.0.0/12"));
        assertThat(odd.resolve("172.31.255.255", List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(odd.resolve("172.32.0.1", List.of("203.0.113.7"))).isEqualTo("172.32.0.1");
    }

    @Test
    void entriesThatAreNoAddressOrBlockAreRefused() {
        for (String bad : List.of("proxy.example.org", "10.0.0.0/33", "10.0.0.0/x", "fd00::/129", "")) {
            assertThatThrownBy(() -> new ClientAddress(List.of(bad))).as(bad)
                .isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package org.smartcamp.deploy.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class MosquittoPasswordFileTest {
    /** Written by mosquitto_passwd 2.0.11 for the password "pa". */
    private static final String MOSQUITTO_LINE = "unmiss/campa/gw-1:$7$101$qV0d8LGdjKnmPcmY$"
        + "rrYxBavUP+SgscrL7ohLM9+ttk/KBkvedLJ5IyNxy92F1I/IucdH4lFebpFJVx3pAVxkKKeMqoD7RzEytOIQQw==";

    @Test
    void hashesAsMosquittoPasswdDoes() {
        String field = MOSQUITTO_LINE.substring(MOSQUITTO_LINE.indexOf(':') + 1);

        assertThat(MosquittoPasswordFile.matches(field, "pa")).isTrue();
        assertThat(MosquittoPasswordFile.matches(field, "pb")).isFalse();
    }

    @Test
    void addsUsersKeepsOthersAndReplacesOnlyTheOnesSetAgain() {
        MosquittoPasswordFile file = new MosquittoPasswordFile(new SecureRandom())
            .load(List.of("# comment", MOSQUITTO_LINE, "smartcamp-ingest:$7$101$old$old"));
        file.put(new BrokerUser("smartcamp-ingest", "new-secret"));
        file.put(new BrokerUser("unmiss/bor1/gw-1", "gw-secret"));

        List<String> lines = file.text().lines().toList();

        assertThat(lines).hasSize(3).first().isEqualTo(MOSQUITTO_LINE);
        assertThat(lines.get(1)).startsWith("smartcamp-ingest:$7$101$");
        assertThat(MosquittoPasswordFile.matches(lines.get(1).substring(17), "new-secret")).isTrue();
        assertThat(MosquittoPasswordFile.matches(lines.get(2).substring(17), "gw-secret")).isTrue();
    }

    @Test
    void generatedPasswordsAreLongAndDifferent() {
        MosquittoPasswordFile file = new MosquittoPasswordFile(new SecureRandom());

        assertThat(file.newPassword(24)).hasSize(24).matches("[A-Za-z0-9]+").isNotEqualTo(file.newPassword(24));
    }

    @Test
    void gatewayUsersAreMissionCampGatewayAndNameTheirTopic() {
        assertThat(BrokerUser.gatewayUserName("unmiss/juba1/gw-1")).isEqualTo("unmiss/juba1/gw-1");
        assertThat(BrokerUser.gatewayTopic("unmiss/juba1/gw-1"))
            .isEqualTo("smartcamp/v1/unmiss/juba1/gw-1/telemetry");
        assertThatThrownBy(() -> BrokerUser.gatewayUserName("unmiss/juba1"))
            .hasMessageContaining("mission/camp/gateway");
        assertThatThrownBy(() -> BrokerUser.gatewayUserName("unmiss/+/gw-1")).hasMessageContaining("camp id");
        assertThatThrownBy(() -> new BrokerUser("a:b", "x")).hasMessageContaining("':'");
    }
}

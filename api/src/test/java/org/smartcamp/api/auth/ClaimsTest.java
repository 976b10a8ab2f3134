package org.smartcamp.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClaimsTest {
    private static final long NOW = 1_800_000_000L;

    private static JsonObject good() {
        return new JsonObject().put("sub", "ana").put("role", "admin").put("exp", NOW + 60).put("iat", NOW)
            .put("aud", "smartcamp-api").put("missions", new JsonArray().add("unmiss")).put("camps", new JsonArray());
    }

    @Test
    void wellTypedClaimsPass() {
        assertThat(Claims.wrongType(good())).isNull();
        assertThat(Claims.wrongType(good().put("aud", new JsonArray().add("a").add("b")))).isNull();
    }

    @Test
    void aClaimOfTheWrongTypeIsNamed() {
        assertThat(Claims.wrongType(good().put("exp", "x"))).contains("'exp'");
        assertThat(Claims.wrongType(copyWithout("exp"))).contains("no expiry");
        assertThat(Claims.wrongType(good().put("nbf", true))).contains("'nbf'");
        assertThat(Claims.wrongType(good().put("aud", new JsonArray().add(1)))).contains("'aud'");
        assertThat(Claims.wrongType(good().put("camps", "juba1"))).contains("'camps'");
        assertThat(Claims.wrongType(good().put("location", "juba1"))).contains("'location'");
        assertThat(Claims.wrongType(good().put("location", new JsonArray().add("juba1")))).isNull();
        assertThat(Claims.wrongType(good().put("sub", 5))).contains("'sub'");
    }

    @Test
    void aTokenBeforeItsNbfIsNotValidYetAndOtherwiseExpired() {
        assertThat(Claims.timeProblem(good().put("nbf", NOW + 120), NOW, 30)).contains("not valid yet");
        assertThat(Claims.timeProblem(good().put("nbf", NOW + 20), NOW, 30)).isEqualTo("it has expired");
        assertThat(Claims.timeProblem(good().put("iat", NOW + 120), NOW, 30)).contains("not valid yet");
    }

    @Test
    void thePayloadIsReadWithoutVerifyingOrIsNull() {
        String payload = Base64.getUrlEncoder().withoutPadding()
            .encodeToString(good().encode().getBytes(StandardCharsets.UTF_8));
        assertThat(Claims.unverified("x." + payload + ".y").getString("sub")).isEqualTo("ana");
        assertThat(Claims.unverified("x.%%%.y")).isNull();
        assertThat(Claims.unverified("x.eyJ9.y")).isNull();
        assertThat(Claims.unverified("only-one-part")).isNull();
    }

    private static JsonObject copyWithout(String name) {
        JsonObject o = good();
        o.remove(name);
        return o;
    }
}

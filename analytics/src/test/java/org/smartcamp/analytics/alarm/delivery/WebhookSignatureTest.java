package org.smartcamp.analytics.alarm.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theSignatureIsStripesSchemeOverTheTimestampAndTheRawBody() {
        // Known answer: printf '1765116000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        String header = WebhookSignature.header("whsec_test", 1_765_116_000L, "{\"a\":1}");
        assertThat(header)
            .isEqualTo("t=1765116000,v1=e0a4e2e57aa87e712203128734be4679efd24495b639d960d69cfd0ec009224f");
        assertThat(WebhookSignature.hmac("key", "The quick brown fox jumps over the lazy dog"))
            .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        assertThat(WebhookSignature.verify("whsec_test", header, "{\"a\":1}", 1_765_116_100L, 300)).isTrue();
    }

    @Test
    void aChangedBodyAnotherSecretAnOldTimestampOrGarbageDoNotVerify() {
        String header = WebhookSignature.header("whsec_test", 1_765_116_000L, "{\"a\":1}");
        assertThat(WebhookSignature.verify("whsec_test", header, "{\"a\":2}", 1_765_116_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify("other", header, "{\"a\":1}", 1_765_116_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", header, "{\"a\":1}", 1_765_116_301L, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", "v1=abc", "{\"a\":1}", 1_765_116_000L, 300)).isFalse();
        assertThat(WebhookSignature.verify("whsec_test", null, "{\"a\":1}", 1_765_116_000L, 300)).isFalse();
    }

    @Test
    void webhookAnswersAreClassifiedAndUrlsChecked() {
        assertThat(WebhookChannel.classify(204, "", "u").kind()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(WebhookChannel.classify(503, "busy", "u")).isEqualTo(DeliveryOutcome.retry("HTTP 503 from u: busy"));
        assertThat(WebhookChannel.classify(429, "", "u").kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(WebhookChannel.classify(408, "", "u").kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(WebhookChannel.classify(401, "", "u")).isEqualTo(DeliveryOutcome.fail("HTTP 401 from u"));
        assertThat(WebhookChannel.classify(302, "", "u").reason()).endsWith("(redirects are not followed)");
        assertThatThrownBy(() -> WebhookChannel.checkUrl("channels[0].url", "ftp://x/y"))
            .hasMessage("channels[0].url: 'ftp://x/y' is not an http:// or https:// URL with a host");
        assertThatThrownBy(() -> WebhookChannel.checkUrl("channels[0].url", "http://exa mple"))
            .hasMessageStartingWith("channels[0].url: 'http://exa mple' is not a URL");
        assertThatThrownBy(() -> Secrets.checkReference("channels[0].secret", "hunter2"))
            .hasMessageStartingWith("channels[0].secret: expected env:NAME");
        assertThat(Secrets.of(java.util.Map.of("S", "v")).resolve("s", "env:S")).contains("v");
        assertThat(Secrets.of(java.util.Map.of()).resolve("s", "env:S")).isEmpty();
    }
}

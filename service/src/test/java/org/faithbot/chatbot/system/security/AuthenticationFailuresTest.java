package org.faithbot.chatbot.system.security;

import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every refused token is a security event: counted by reason on /actuator/prometheus and logged as
 * the AUTHENTICATION_FAILURE line the Terraform's metric filter (and so the auth-failures-spike
 * alarm) counts, with nothing of the token in it.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthenticationFailuresTest extends ApiTest {

    @Test
    void refusedTokensAreCountedByReasonAndLoggedWithoutTheToken(CapturedOutput output) throws Exception {
        String forged = TestTokens.forged(TestTokens.newUserId());
        String expired = TestTokens.expired(TestTokens.newUserId());
        String wrongIssuer = TestTokens.wrongIssuer(TestTokens.newUserId());
        double before = count("signature") + count("expired") + count("issuer") + count("missing");

        this.mvc.perform(get("/api/v1/conversations").header("Authorization", TestTokens.bearer(forged))).andExpect(status().isUnauthorized());
        this.mvc.perform(get("/api/v1/conversations").header("Authorization", TestTokens.bearer(expired))).andExpect(status().isUnauthorized());
        this.mvc.perform(get("/api/v1/conversations").header("Authorization", TestTokens.bearer(wrongIssuer))).andExpect(status().isUnauthorized());
        this.mvc.perform(get("/api/v1/conversations")).andExpect(status().isUnauthorized());

        assertThat(count("signature") + count("expired") + count("issuer") + count("missing")).isEqualTo(before + 4);
        assertThat(output).contains("AUTHENTICATION_FAILURE reason=signature", "AUTHENTICATION_FAILURE reason=expired",
                "AUTHENTICATION_FAILURE reason=issuer", "AUTHENTICATION_FAILURE reason=missing");
        assertThat(output).doesNotContain(forged.substring(forged.lastIndexOf('.') + 1)).doesNotContain(expired.substring(0, 40));
    }

    private double count(String reason) throws Exception {
        String scrape = this.mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
        return scrape.lines().filter(line -> line.startsWith("security_authentication_failures_total{") && line.contains("reason=\"" + reason + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}

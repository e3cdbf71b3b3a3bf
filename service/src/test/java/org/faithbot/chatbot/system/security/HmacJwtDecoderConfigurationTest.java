package org.faithbot.chatbot.system.security;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacJwtDecoderConfigurationTest {

    @Test
    void acceptsABase64SecretOfAtLeast32Bytes() {
        byte[] secret = new byte[32];
        assertThat(HmacJwtDecoderConfiguration.secretKey(Base64.getEncoder().encodeToString(secret)).getEncoded())
            .hasSize(32);
        assertThat(HmacJwtDecoderConfiguration.secretKey(Base64.getUrlEncoder().encodeToString(new byte[] {
                -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14, -15, -16, -17, -18, -19, -20, -21, -22, -23,
                -24, -25, -26, -27, -28, -29, -30, -31, -32 })).getEncoded()).hasSize(32);
    }

    @Test
    void refusesAShortSecret() {
        assertThatThrownBy(() -> HmacJwtDecoderConfiguration.secretKey(Base64.getEncoder().encodeToString(new byte[31])))
            .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void refusesASecretThatIsNotBase64() {
        assertThatThrownBy(() -> HmacJwtDecoderConfiguration.secretKey("not base64 at all!"))
            .hasMessageContaining("base64");
    }
}

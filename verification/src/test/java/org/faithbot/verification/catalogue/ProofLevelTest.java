package org.faithbot.verification.catalogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faithbot.verification.catalogue.ProofLevel.EMULATOR;
import static org.faithbot.verification.catalogue.ProofLevel.LOCAL;
import static org.faithbot.verification.catalogue.ProofLevel.PRODUCTION;
import static org.faithbot.verification.catalogue.ProofLevel.SIGN_OFF;
import static org.faithbot.verification.catalogue.ProofLevel.STAGING;
import static org.faithbot.verification.catalogue.ProofLevel.STATIC;

class ProofLevelTest {

    @Test
    void evidenceProvesARequirementAtItsLevelOrAbove() {
        assertThat(STATIC.satisfies(STATIC)).isTrue();
        assertThat(STATIC.satisfies(LOCAL)).isFalse();
        assertThat(LOCAL.satisfies(STATIC)).isTrue();
        assertThat(LOCAL.satisfies(STAGING)).isFalse();
        assertThat(STAGING.satisfies(LOCAL)).isTrue();
        assertThat(STAGING.satisfies(PRODUCTION)).isFalse();
        assertThat(PRODUCTION.satisfies(STAGING)).isTrue();
    }

    @Test
    void anEmulatorIsNeverStagingAndNoMoreThanLocal() {
        assertThat(EMULATOR.satisfies(STAGING)).isFalse();
        assertThat(EMULATOR.satisfies(PRODUCTION)).isFalse();
        assertThat(EMULATOR.satisfies(LOCAL)).isTrue();
        assertThat(ProofLevel.higher(EMULATOR, LOCAL)).isEqualTo(LOCAL);
        assertThat(ProofLevel.higher(EMULATOR, STATIC)).isEqualTo(EMULATOR);
        assertThat(ProofLevel.higher(EMULATOR, STAGING)).isEqualTo(STAGING);
        assertThat(EMULATOR.canBeRequired()).isFalse();
    }

    @Test
    void onlyASignOffSatisfiesASignOff() {
        assertThat(PRODUCTION.satisfies(SIGN_OFF)).isFalse();
        assertThat(SIGN_OFF.satisfies(SIGN_OFF)).isTrue();
        assertThat(SIGN_OFF.satisfies(LOCAL)).isFalse();
    }

    @Test
    void readsTheWordsCriteriaYamlUses() {
        assertThat(ProofLevel.of("sign-off")).isEqualTo(SIGN_OFF);
        assertThat(ProofLevel.of("staging")).isEqualTo(STAGING);
        assertThat(ProofLevel.ofTarget("local")).isEqualTo(LOCAL);
        assertThat(ProofLevel.ofTarget("staging")).isEqualTo(STAGING);
        assertThatThrownBy(() -> ProofLevel.of("judged")).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.faithbot.verification.deployment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The releases as the deployment features word them (the table of releases started ahead). */
class DeploymentReleaseTest {

    @Test
    void aReleaseWithoutAFaultIsAGoodRelease() {
        assertThat(Release.parse("2.1.0", "none")).isEqualTo(Release.good("2.1.0"));
        assertThat(Release.parse("2.1.0", "none").failsChats()).isFalse();
    }

    @Test
    void aReleaseFailingAShareOfTheChatRequestsFailsThatRatio() {
        Release release = Release.parse("2.2.0-bad", "fails 30 % of chat requests");
        assertThat(release).isEqualTo(Release.failingChats("2.2.0-bad", 0.3));
        assertThat(release.properties()).containsEntry(Release.CHAT_FAILURE_RATIO, "0.3");
        assertThat(release.failsChats()).isTrue();
        assertThat(Release.parse("x", "fails 100 % of chat requests").properties()).containsEntry(Release.CHAT_FAILURE_RATIO, "1.0");
    }

    @Test
    void aReleaseWhoseReadinessNeverComesUpHasItsReadinessDown() {
        Release release = Release.parse("2.4.0-unready", "readiness never comes up");
        assertThat(release).isEqualTo(Release.readinessDown("2.4.0-unready"));
        assertThat(release.failsChats()).isFalse();
    }

    @Test
    void anyOtherFaultIsRefused() {
        assertThatThrownBy(() -> Release.parse("2.9.0", "fails 30% of chat requests")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown fault 'fails 30% of chat requests'");
        assertThatThrownBy(() -> Release.parse("2.9.0", "slow")).hasMessage("unknown fault 'slow'");
    }
}

package org.faithbot.chatbot.system;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void timeOrderedIdsAreVersion7AndSortAsTextInTimeOrder() {
        Instant now = Instant.parse("2026-11-24T18:00:00.000Z");
        UUID earlier = Ids.timeOrdered(now);
        UUID later = Ids.timeOrdered(now.plusMillis(1));
        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(Ids.timeOrdered(now)).isNotEqualTo(earlier);
    }

    @Test
    void digestIdsAreVersion8AndStable() {
        byte[] digest = new byte[32];
        digest[0] = 42;
        assertThat(Ids.fromDigest(digest).version()).isEqualTo(8);
        assertThat(Ids.fromDigest(digest)).isEqualTo(Ids.fromDigest(digest.clone()));
    }
}

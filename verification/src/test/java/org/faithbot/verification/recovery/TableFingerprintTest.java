package org.faithbot.verification.recovery;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TableFingerprintTest {

    private static final Map<String, AttributeValue> A = Map.of("userId", AttributeValue.fromS("u1"), "n", AttributeValue.fromN("1.50"),
            "tags", AttributeValue.fromSs(List.of("b", "a")));
    private static final Map<String, AttributeValue> B = Map.of("userId", AttributeValue.fromS("u2"), "text", AttributeValue.fromS("hi \"you\""));

    @Test
    void sameItemsGiveTheSameChecksumInAnyOrder() {
        TableFingerprint one = TableFingerprint.of("t1", List.of(TableFingerprint.canonical(A), TableFingerprint.canonical(B)));
        TableFingerprint other = TableFingerprint.of("t2", List.of(TableFingerprint.canonical(B), TableFingerprint.canonical(A)));
        assertThat(one.sameContentAs(other)).isTrue();
        assertThat(one.itemCount()).isEqualTo(2);
    }

    @Test
    void normalisesNumbersAndSetsButNotText() {
        Map<String, AttributeValue> sameNumber = Map.of("userId", AttributeValue.fromS("u1"), "n", AttributeValue.fromN("1.5"),
                "tags", AttributeValue.fromSs(List.of("a", "b")));
        assertThat(TableFingerprint.canonical(sameNumber)).isEqualTo(TableFingerprint.canonical(A));
        Map<String, AttributeValue> otherText = Map.of("userId", AttributeValue.fromS("u2"), "text", AttributeValue.fromS("hi \"you\" "));
        assertThat(TableFingerprint.canonical(otherText)).isNotEqualTo(TableFingerprint.canonical(B));
    }

    @Test
    void oneChangedAttributeChangesTheChecksum() {
        Map<String, AttributeValue> changed = Map.of("userId", AttributeValue.fromS("u2"), "text", AttributeValue.fromS("hi"));
        TableFingerprint before = TableFingerprint.of("t", List.of(TableFingerprint.canonical(A), TableFingerprint.canonical(B)));
        TableFingerprint after = TableFingerprint.of("t", List.of(TableFingerprint.canonical(A), TableFingerprint.canonical(changed)));
        assertThat(after.itemCount()).isEqualTo(before.itemCount());
        assertThat(after.sameContentAs(before)).isFalse();
    }
}

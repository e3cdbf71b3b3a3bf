package org.faithbot.chatbot.system.paging;

import java.util.Map;

import org.faithbot.chatbot.system.crypto.ServiceKeys;
import org.faithbot.chatbot.system.web.ApiProblem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CursorCodecTest {

    private final CursorCodec codec = new CursorCodec(ServiceKeys.derivedFrom(new byte[32]));

    private final Map<String, AttributeValue> key = Map.of("userId", AttributeValue.fromS("user-secret-id"), "createdAt",
            AttributeValue.fromS("2026-11-24T18:00:00.000Z"), "n", AttributeValue.fromN("7"));

    @Test
    void aCursorComesBackAsTheKeyItWasMadeFromAndShowsNoneOfIt() {
        String cursor = this.codec.encode(this.key, "prayers:community", "caller-1");
        assertThat(cursor).doesNotContain("user").matches("[A-Za-z0-9_-]+");
        assertThat(this.codec.decode(cursor, "prayers:community", "caller-1")).isEqualTo(this.key);
    }

    @Test
    void aCursorOfAnotherListingOrCallerOrATamperedOneIsRefused() {
        String cursor = this.codec.encode(this.key, "prayers:community", "caller-1");
        assertThatThrownBy(() -> this.codec.decode(cursor, "prayers:queue", "caller-1")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> this.codec.decode(cursor, "prayers:community", "caller-2")).isInstanceOf(ApiProblem.class);
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("A") ? "BB" : "AA");
        assertThatThrownBy(() -> this.codec.decode(tampered, "prayers:community", "caller-1")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> this.codec.decode("not base64 !", "prayers:community", "caller-1")).isInstanceOf(ApiProblem.class);
    }

    @Test
    void noKeyMeansNoCursorAndNoCursorMeansTheFirstPage() {
        assertThat(this.codec.encode(null, "x", "y")).isNull();
        assertThat(this.codec.decode(null, "x", "y")).isNull();
        assertThat(this.codec.decode("", "x", "y")).isNull();
    }
}

package org.faithbot.chatbot.system.paging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.faithbot.chatbot.system.crypto.ServiceKeys;
import org.faithbot.chatbot.system.idempotency.IdempotencyKeys;
import org.faithbot.chatbot.system.web.ApiProblem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Properties of the parsers of what a caller sends besides JSON bodies, over many seeded random inputs (the seed is in
 * every failure's message): a paging cursor either decodes to the key it was made from or is refused with a 400
 * problem, whatever its text, never another exception; a tampered cursor is always refused; an idempotency key is
 * accepted exactly when it has the documented shape, else refused with a 400 problem.
 */
class CursorPropertiesTest {

    private static final long SEED = 20261205L;

    private static final String ALPHABETS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=%. :\u00e9\u0000\ud83d\ude4f";

    private final CursorCodec codec = new CursorCodec(ServiceKeys.derivedFrom(new byte[32]));

    @Test
    void anyTextAsACursorIsTheFirstPageOrA400ProblemNeverAnotherError() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 5000; i++) {
            String cursor = text(random, random.nextInt(4) == 0 ? 3000 : 120);
            Throwable thrown = catchThrowable(() -> this.codec.decode(cursor, "prayers:mine", "caller"));
            assertThat(thrown).as("seed " + SEED + ", input " + i + ": " + cursor)
                .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ApiProblem.class));
        }
    }

    @Test
    void everyCursorComesBackAsItsKeyAndEveryTamperedOneIsRefused() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < 2000; i++) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            int attributes = 1 + random.nextInt(3);
            for (int a = 0; a < attributes; a++) {
                key.put("k" + a, random.nextBoolean() ? AttributeValue.fromN(Long.toString(random.nextLong()))
                        : AttributeValue.fromS(text(random, 60)));
            }
            String caller = "caller-" + i;
            String cursor = this.codec.encode(key, "conversations", caller);
            assertThat(this.codec.decode(cursor, "conversations", caller)).as("seed " + SEED + ", key " + i).isEqualTo(key);
            int at = random.nextInt(Math.min(16, cursor.length()));
            char replaced = (cursor.charAt(at) == 'A') ? 'B' : 'A';
            String tampered = cursor.substring(0, at) + replaced + cursor.substring(at + 1);
            assertThatThrownBy(() -> this.codec.decode(tampered, "conversations", caller)).as("seed " + SEED + ", key " + caller)
                .isInstanceOf(ApiProblem.class);
        }
    }

    @Test
    void anIdempotencyKeyIsAcceptedExactlyWhenItHasTheDocumentedShape() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        int accepted = 0;
        for (int i = 0; i < 5000; i++) {
            String key = text(random, random.nextInt(10) == 0 ? 200 : 40);
            boolean wellFormed = key.matches("[A-Za-z0-9._:-]{1,128}");
            Throwable thrown = catchThrowable(() -> IdempotencyKeys.validKey(key));
            if (wellFormed) {
                assertThat(thrown).as("seed " + SEED + ", key " + i + ": " + key).isNull();
                accepted++;
            }
            else {
                assertThat(thrown).as("seed " + SEED + ", key " + i + ": " + key).isInstanceOf(ApiProblem.class);
            }
        }
        assertThat(accepted).as("well-formed keys among the inputs").isGreaterThan(100);
    }

    /** Up to {@code maxLength} chars: a word of a narrow alphabet (often well-formed) or of the whole one. */
    private static String text(SplittableRandom random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        int alphabet = random.nextBoolean() ? 64 : ALPHABETS.length();
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABETS.charAt(random.nextInt(alphabet)));
        }
        return text.toString();
    }
}

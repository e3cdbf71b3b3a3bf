package org.faithbot.chatbot.chat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** {@code {"score": 1..5, "comment": "..."}}: a rating of a reply, the comment optional (at most 500 characters). */
public record RatingRequest(@NotNull @Min(1) @Max(5) Integer score, @Nullable @Size(max = 500) String comment) {

    @Override
    public String toString() {
        return "RatingRequest[score=" + this.score + "]";
    }
}

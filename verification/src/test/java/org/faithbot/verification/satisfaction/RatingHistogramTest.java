package org.faithbot.verification.satisfaction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RatingHistogramTest {

    @Test
    void countAndSumAreReadFromThePrometheusExpositionAndDifferenced() {
        RatingHistogram before = RatingHistogram.parse("chat_rating_bucket{application=\"chatbot\",le=\"5.0\"} 2.0\n"
                + "chat_rating_count{application=\"chatbot\"} 2.0\nchat_rating_sum{application=\"chatbot\"} 7.0\n");
        RatingHistogram after = RatingHistogram.parse("chat_rating_count{application=\"chatbot\"} 6.0\nchat_rating_sum{application=\"chatbot\"} 23.0\n");
        assertThat(after.minus(before)).isEqualTo(new RatingHistogram(4, 16));
        assertThat(after.minus(before).average()).isEqualTo(4.0);
        assertThat(RatingHistogram.parse("# nothing rated yet\n").count()).isZero();
    }
}

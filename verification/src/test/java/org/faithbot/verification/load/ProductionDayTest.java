package org.faithbot.verification.load;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The compressed day's curve, and the item sizes its storage figures are made of. */
class ProductionDayTest {

    @Test
    void exactlyTheDaysMembersArriveHourByHourWithTheEveningTheBusiestAndTheNightTheQuietest() {
        ProductionDay day = new ProductionDay(10_000, Duration.ofSeconds(150));
        int[] byHour = day.membersByHour();
        assertThat(Arrays.stream(byHour).sum()).isEqualTo(10_000);
        assertThat(Arrays.stream(byHour).max().orElseThrow()).isEqualTo(byHour[ProductionDay.PEAK_HOUR]);
        assertThat(byHour[8]).as("the morning peak").isGreaterThan(byHour[5]).isGreaterThan(byHour[11]);
        assertThat(byHour[3]).as("the night").isLessThan(byHour[8] / 2);
        assertThat(day.hour()).isEqualTo(Duration.ofMillis(6250));
        assertThat(day.peakArrivalsPerSecond()).as("10,000 x 7.5 / 124.5 members in 6.25 s").isBetween(90.0, 100.0);
        assertThat(day.injection()).hasSize(24);
        assertThat(day.describe()).contains("10,000 distinct members").contains("150 s");
    }

    @Test
    void theMainJobPlaysTheRequiredDayAndTheTestsASmallerOneWithSparserPeaks() {
        LoadProfile launchProfile = LoadProfile.of("launch");
        LoadProfile testProfile = LoadProfile.of("test");
        ProductionDay launch = launchProfile.day();
        ProductionDay test = testProfile.day();
        assertThat(launchProfile.playsTheRequiredDay()).isTrue();
        assertThat(testProfile.playsTheRequiredDay()).isFalse();
        assertThat(launch.members()).isEqualTo(LoadProfile.DAILY_MEMBERS);
        assertThat(test.members()).isEqualTo(LoadProfile.TEST_DAY_MEMBERS).isLessThan(launch.members());
        assertThat(launch.peakArrivalsPerSecond()).as("the main job's peak, under the 93/s that collapsed on slower days").isBetween(50.0, 70.0);
        assertThat(test.peakArrivalsPerSecond()).as("the tests' peak, about half the main job's").isLessThan(launch.peakArrivalsPerSecond() * 0.6);
    }

    @Test
    void aDayTooShortToHoldItsHoursIsRefused() {
        assertThatThrownBy(() -> new ProductionDay(10_000, Duration.ofSeconds(10))).hasMessageContaining("at least 24");
    }

    @Test
    void itemSizesFollowDynamoDbsRules() {
        assertThat(TableStorage.size(Map.of("userId", AttributeValue.fromS("user-1")))).isEqualTo(6 + 6);
        assertThat(TableStorage.size(Map.of("n", AttributeValue.fromN("12345")))).as("5 digits: 3 bytes + 1").isEqualTo(1 + 4);
        assertThat(TableStorage.size(Map.of("é", AttributeValue.fromS("été")))).as("UTF-8 bytes").isEqualTo(2 + 5);
        assertThat(TableStorage.size(Map.of("f", AttributeValue.fromBool(true), "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10])))))
                .isEqualTo(1 + 1 + 1 + 10);
        assertThat(TableStorage.size(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromS("ab"), AttributeValue.fromS("c"))))))
                .as("a list: 3 bytes, and 1 per element plus the element").isEqualTo(1 + 3 + (1 + 2) + (1 + 1));
        assertThat(TableStorage.size(Map.of("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))))))
                .isEqualTo(1 + 3 + (1 + 1 + 1));
    }
}

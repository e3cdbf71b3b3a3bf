package org.faithbot.verification.chaos;

import org.faithbot.verification.traffic.ProbeSample;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LocalAlarmsTest {

    private static List<ProbeSample> samples(Instant origin, int seconds, int failedPerSecond, double latency) {
        List<ProbeSample> list = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            for (int i = 0; i < 20; i++) {
                list.add(new ProbeSample(origin.plusMillis(s * 1000L + i * 50L), latency, i < failedPerSecond ? 503 : 200));
            }
        }
        return list;
    }

    @Test
    void theErrorRateAlarmNeedsTwoOfThreeBreachingPeriods() {
        Instant origin = Instant.now().minusSeconds(4);
        assertThat(new LocalAlarms(List.of("alb-5xx-rate"), () -> samples(origin, 4, 2, 20), () -> 2, () -> 0, origin).inAlarm())
                .as("10 % errors every second").contains("alb-5xx-rate");
        assertThat(new LocalAlarms(List.of("alb-5xx-rate"), () -> samples(origin, 4, 1, 20), () -> 2, () -> 0, origin).inAlarm())
                .as("5 % errors: not above the threshold").isEmpty();
    }

    @Test
    void theLatencyAlarmWatchesTheP95OfEachPeriod() {
        Instant origin = Instant.now().minusSeconds(6);
        assertThat(new LocalAlarms(List.of("alb-p95-latency"), () -> samples(origin, 6, 0, 3500), () -> 2, () -> 0, origin).inAlarm())
                .contains("alb-p95-latency");
        assertThat(new LocalAlarms(List.of("alb-p95-latency"), () -> samples(origin, 6, 0, 2500), () -> 2, () -> 0, origin).inAlarm()).isEmpty();
    }

    @Test
    void theHostAlarmsWatchTheBalancer() throws InterruptedException {
        Instant origin = Instant.now();
        AtomicInteger up = new AtomicInteger(0);
        LocalAlarms alarms = new LocalAlarms(List.of("alb-no-healthy-hosts", "ecs-cpu-high"), List::of, up::get, () -> 2, origin);
        for (int i = 0; i < 12; i++) {
            alarms.inAlarm();
            Thread.sleep(250);
        }
        assertThat(alarms.inAlarm()).contains("alb-no-healthy-hosts");
        assertThat(alarms.notEvaluatedLocally()).containsExactly("ecs-cpu-high");
    }
}

package org.faithbot.verification.chaos;

import org.faithbot.verification.monitoring.AlertRules;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staging's detection, judged from CloudWatch's alarm history (a recorded history here): the expected alert's alarm going
 * into ALARM after the fault is its time to detect, its way out after the fault's end its time to resolve; an alarm that
 * never went into ALARM is "no alert"; another alarm going into ALARM is unexpected; the acknowledgement is not read.
 */
class AlarmHistoryDetectionTest {

    private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
    private final ExperimentCatalogue catalogue = ExperimentCatalogue.load(Targets.projectRoot().resolve("chaos-experiments"));

    private ExperimentResult ran(String id) {
        return new ExperimentResult(catalogue.get(id), "staging", ExperimentResult.Outcome.HELD, "an FIS experiment", START, START.plusSeconds(120),
                30.0, 1, 300, 400, 4, 0, 120, 40, 0, null, List.of(), 90, Map.of(), List.of(), null, 300, null);
    }

    private static Incident judge(ExperimentResult result, List<AlarmHistory.Transition> recorded) {
        AlarmHistory history = (alarm, from, to) -> recorded.stream().filter(t -> t.alarmName().equals(alarm)).toList();
        // the clock stands an hour after the fault: everything CloudWatch would record is recorded
        return new AlarmHistoryDetection(history, "chatbot-staging", AlertRules.load(), Duration.ofMillis(1),
                Clock.fixed(START.plus(Duration.ofHours(1)), ZoneOffset.UTC)).judge(result);
    }

    @Test
    void theExpectedAlarmIntoAlarmAfterTheFaultIsDetectedAndItsWayOutResolvesIt() {
        Incident incident = judge(ran("instance-frozen"), List.of(
                new AlarmHistory.Transition("chatbot-staging-alb-unhealthy-hosts", START.minusSeconds(600), "OK", "ALARM"),
                new AlarmHistory.Transition("chatbot-staging-alb-unhealthy-hosts", START.minusSeconds(500), "ALARM", "OK"),
                new AlarmHistory.Transition("chatbot-staging-alb-unhealthy-hosts", START.plusSeconds(150), "OK", "ALARM"),
                new AlarmHistory.Transition("chatbot-staging-alb-unhealthy-hosts", START.plusSeconds(300), "ALARM", "OK")));

        assertThat(incident.missed()).isEmpty();
        assertThat(incident.detected()).singleElement().satisfies(p -> {
            assertThat(p.alert()).isEqualTo("InstanceDown");
            assertThat(p.detectSeconds()).isEqualTo(150.0);
            assertThat(p.resolveSeconds()).as("from the fault's end, 120 s after its start").isEqualTo(180.0);
            assertThat(p.acknowledgeSeconds()).as("the paging service's, not read").isNull();
        });
        assertThat(incident.checks()).allSatisfy(c -> assertThat(c.held()).as(c.describe()).isTrue());
        assertThat(incident.checks()).noneSatisfy(c -> assertThat(c.name()).contains("acknowledges"));
    }

    @Test
    void anExpectedAlarmThatNeverWentIntoAlarmIsNoAlertAndAnotherAlarmIsUnexpected() {
        Incident incident = judge(ran("instance-frozen"), List.of(
                new AlarmHistory.Transition("chatbot-staging-alb-p95-latency", START.plusSeconds(90), "OK", "ALARM"),
                new AlarmHistory.Transition("chatbot-staging-alb-p95-latency", START.plusSeconds(200), "ALARM", "OK")));

        assertThat(incident.missed()).containsExactly("InstanceDown");
        assertThat(incident.unexpected()).extracting(Incident.Paged::alert).containsExactly("SlowChat");
        assertThat(incident.checks()).filteredOn(c -> !c.held()).extracting(HypothesisCheck::measured)
                .anySatisfy(m -> assertThat(m).contains("no alert: InstanceDown did not page within 300 s"))
                .anySatisfy(m -> assertThat(m).contains("paged: [SlowChat"));
    }

    @Test
    void anAlarmStillInAlarmWhenTheWatchEndsIsNotResolved() {
        Incident incident = judge(ran("database-errors"), List.of(
                new AlarmHistory.Transition("chatbot-staging-alb-5xx-rate", START.plusSeconds(70), "OK", "ALARM")));

        assertThat(incident.detected()).singleElement().satisfies(p -> assertThat(p.resolveSeconds()).isNull());
        assertThat(incident.checks()).filteredOn(c -> c.name().startsWith("every alert that paged resolves")).singleElement()
                .satisfies(c -> assertThat(c.held()).isFalse());
    }
}

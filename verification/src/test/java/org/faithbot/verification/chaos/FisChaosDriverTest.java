package org.faithbot.verification.chaos;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.faithbot.verification.traffic.ProbeSample;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.fis.FisClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AWS FIS driver against a stub of the FIS API (REST-JSON): it finds the experiment's template
 * by its tags, refuses to start it when a guard rail says no (and then starts nothing), starts it,
 * polls it, stops it at rollback, records the experiment's id and states, and creates a missing
 * template the way terraform/modules/fis does. Alarm states come through {@link AlarmStates}
 * (CloudWatch itself is covered by {@link CloudWatchAlarmStatesTest}).
 */
class FisChaosDriverTest {

    private static final String ALARM_5XX = "arn:aws:cloudwatch:eu-central-1:123456789012:alarm:chatbot-staging-alb-5xx-rate";
    private static final String ALARM_NO_HOSTS = "arn:aws:cloudwatch:eu-central-1:123456789012:alarm:chatbot-staging-alb-no-healthy-hosts";

    private final WireMockServer aws = new WireMockServer(options().dynamicPort());
    private FisClient fis;
    private final java.util.Map<String, AlarmStates.Alarm> alarms = new java.util.LinkedHashMap<>();
    private final AlarmStates alarmStates = new AlarmStates() {
        @Override
        public Map<String, Alarm> describe(Collection<String> names) {
            return names.stream().filter(alarms::containsKey).collect(Collectors.toMap(n -> n, alarms::get));
        }
    };

    @BeforeEach
    void start() {
        aws.start();
        fis = FisClient.builder().endpointOverride(URI.create(aws.baseUrl())).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        alarms.put("chatbot-staging-alb-5xx-rate", new AlarmStates.Alarm("chatbot-staging-alb-5xx-rate", ALARM_5XX, "OK"));
        alarms.put("chatbot-staging-alb-no-healthy-hosts", new AlarmStates.Alarm("chatbot-staging-alb-no-healthy-hosts", ALARM_NO_HOSTS, "OK"));
    }

    @AfterEach
    void stop() {
        fis.close();
        aws.stop();
    }

    private FisChaosDriver driver(boolean create) {
        return new FisChaosDriver(fis, alarmStates, new FisChaosDriver.Settings("chatbot-staging",
                create ? "arn:aws:iam::123456789012:role/chatbot-staging-fis" : null, create, Duration.ofMillis(20), "game-day-test"));
    }

    private static Experiment experiment() {
        return Experiment.read(Path.of(System.getProperty("project.root", "..")).resolve("chaos-experiments/instance-killed.json"));
    }

    private void json(com.github.tomakehurst.wiremock.client.MappingBuilder call, String body) {
        aws.stubFor(call.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void templateListed() {
        json(get(urlPathEqualTo("/experimentTemplates")), """
                {"experimentTemplates": [
                  {"id": "EXTother", "description": "another", "tags": {"ExperimentId": "cpu-stress", "ChaosAllowed": "true"}},
                  {"id": "EXT1killed", "description": "kill one task", "tags": {"ExperimentId": "instance-killed", "ChaosAllowed": "true", "Name": "chatbot-staging-instance-killed"}}
                ]}""");
    }

    private void template(String stopConditions, String targetTags, String templateTags) {
        json(get(urlPathEqualTo("/experimentTemplates/EXT1killed")), """
                {"experimentTemplate": {
                  "id": "EXT1killed", "description": "kill one task", "roleArn": "arn:aws:iam::123456789012:role/chatbot-staging-fis",
                  "actions": {"stopOneTask": {"actionId": "aws:ecs:stop-task", "targets": {"Tasks": "serviceTasks"}}},
                  "targets": {"serviceTasks": {"resourceType": "aws:ecs:task", "selectionMode": "COUNT(1)", "resourceTags": %s}},
                  "stopConditions": %s,
                  "tags": %s}}""".formatted(targetTags, stopConditions, templateTags));
    }

    private void safeTemplate() {
        templateListed();
        template("[{\"source\": \"aws:cloudwatch:alarm\", \"value\": \"" + ALARM_5XX + "\"}, {\"source\": \"aws:cloudwatch:alarm\", \"value\": \"" + ALARM_NO_HOSTS + "\"}]",
                "{\"ChaosAllowed\": \"true\"}", "{\"ChaosAllowed\": \"true\", \"ExperimentId\": \"instance-killed\"}");
    }

    private void experimentGoesThrough(String... states) {
        json(post(urlPathEqualTo("/experiments")), """
                {"experiment": {"id": "EXP42", "experimentTemplateId": "EXT1killed", "state": {"status": "initiating", "reason": "Experiment is initiating."}}}""");
        for (int i = 0; i < states.length; i++) {
            aws.stubFor(get(urlPathEqualTo("/experiments/EXP42")).inScenario("states")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "s" + i)
                    .willSetStateTo("s" + (i + 1))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                            {"experiment": {"id": "EXP42", "experimentTemplateId": "EXT1killed", "state": {"status": "%s", "reason": "%s"}}}"""
                            .formatted(states[i], "now " + states[i]))));
        }
        aws.stubFor(get(urlPathEqualTo("/experiments/EXP42")).inScenario("states").whenScenarioStateIs("s" + states.length)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"experiment": {"id": "EXP42", "experimentTemplateId": "EXT1killed", "state": {"status": "%s", "reason": "final"}}}"""
                        .formatted(states[states.length - 1]))));
        json(delete(urlPathEqualTo("/experiments/EXP42")), """
                {"experiment": {"id": "EXP42", "state": {"status": "stopping", "reason": "Stopping"}}}""");
    }

    @Test
    void findsTheTemplateByItsExperimentIdTagAndStartsPollsAndRecordsTheExperiment() {
        safeTemplate();
        experimentGoesThrough("running", "running", "completed");
        FisChaosDriver driver = driver(false);
        Experiment experiment = experiment();

        driver.prepare(experiment);
        ActiveFault fault = driver.inject(experiment, null);
        int polls = 0;
        while (!fault.finished() && polls++ < 50) {
            assertThat(fault.stopConditionHit()).isEmpty();
            ChaosEngine.sleep(Duration.ofMillis(25));
        }
        fault.rollback();

        assertThat(fault.finished()).isTrue();
        assertThat(fault.notInjected()).isEmpty();
        assertThat(fault.facts()).containsEntry("FIS experiment id", "EXP42").containsEntry("FIS experiment template id", "EXT1killed")
                .containsEntry("FIS final state", "completed");
        assertThat(fault.events()).anyMatch(e -> e.contains("EXP42 initiating")).anyMatch(e -> e.contains("EXP42 running"))
                .anyMatch(e -> e.contains("EXP42 completed"));
        aws.verify(postRequestedFor(urlPathEqualTo("/experiments"))
                .withRequestBody(matchingJsonPath("$.experimentTemplateId", com.github.tomakehurst.wiremock.client.WireMock.equalTo("EXT1killed")))
                .withRequestBody(matchingJsonPath("$.tags.GameDay", com.github.tomakehurst.wiremock.client.WireMock.equalTo("game-day-test")))
                .withRequestBody(matchingJsonPath("$.clientToken")));
        aws.verify(0, deleteRequestedFor(urlPathEqualTo("/experiments/EXP42"))); // it completed by itself: nothing to stop
    }

    @Test
    void stopsAnExperimentStillRunningAtRollback() {
        safeTemplate();
        experimentGoesThrough("running", "running", "stopping", "stopped");
        FisChaosDriver driver = driver(false);
        Experiment experiment = experiment();
        driver.prepare(experiment);
        ActiveFault fault = driver.inject(experiment, null);
        fault.stopConditionHit();

        fault.rollback();

        aws.verify(deleteRequestedFor(urlPathEqualTo("/experiments/EXP42")));
        assertThat(fault.facts()).containsEntry("FIS final state", "stopped");
        assertThat(fault.events()).anyMatch(e -> e.contains("the harness stops FIS experiment EXP42"));
        assertThat(fault.notInjected()).as("it ran before it was stopped").isEmpty();
    }

    @Test
    void reportsAStopByFisAsTheStopConditionHit() {
        safeTemplate();
        experimentGoesThrough("running", "stopped");
        FisChaosDriver driver = driver(false);
        Experiment experiment = experiment();
        driver.prepare(experiment);
        ActiveFault fault = driver.inject(experiment, null);

        String hit = null;
        for (int i = 0; i < 50 && hit == null; i++) {
            hit = fault.stopConditionHit().orElse(null);
            ChaosEngine.sleep(Duration.ofMillis(25));
        }
        fault.rollback();

        assertThat(hit).contains("FIS stopped the experiment");
        aws.verify(0, deleteRequestedFor(urlPathEqualTo("/experiments/EXP42")));
    }

    @Test
    void anExperimentThatFailsToRunIsNotCountedAsInjected() {
        safeTemplate();
        experimentGoesThrough("failed");
        FisChaosDriver driver = driver(false);
        Experiment experiment = experiment();
        driver.prepare(experiment);
        ActiveFault fault = driver.inject(experiment, null);
        for (int i = 0; i < 50 && !fault.finished(); i++) {
            fault.stopConditionHit();
            ChaosEngine.sleep(Duration.ofMillis(25));
        }
        fault.rollback();

        assertThat(fault.notInjected()).hasValueSatisfying(reason -> assertThat(reason).contains("EXP42 ended failed without running"));
    }

    @Test
    void refusesATemplateWithoutStopCondition() {
        templateListed();
        template("[]", "{\"ChaosAllowed\": \"true\"}", "{\"ChaosAllowed\": \"true\"}");

        assertThatThrownBy(() -> driver(false).prepare(experiment())).isInstanceOf(GuardrailViolation.class)
                .hasMessageContaining("has no stop condition");
        aws.verify(0, postRequestedFor(urlPathEqualTo("/experiments")));
    }

    @Test
    void refusesWhenAStopConditionAlarmIsNotInStateOk() {
        safeTemplate();
        alarms.put("chatbot-staging-alb-5xx-rate", new AlarmStates.Alarm("chatbot-staging-alb-5xx-rate", ALARM_5XX, "ALARM"));

        assertThatThrownBy(() -> driver(false).prepare(experiment())).isInstanceOf(GuardrailViolation.class)
                .hasMessageContaining("stop-condition alarm chatbot-staging-alb-5xx-rate is in state ALARM, not OK");
        aws.verify(0, postRequestedFor(urlPathEqualTo("/experiments")));
    }

    @Test
    void refusesWhenAStopConditionAlarmDoesNotExist() {
        safeTemplate();
        alarms.remove("chatbot-staging-alb-no-healthy-hosts");

        assertThatThrownBy(() -> driver(false).prepare(experiment())).isInstanceOf(GuardrailViolation.class)
                .hasMessageContaining("chatbot-staging-alb-no-healthy-hosts does not exist");
    }

    @Test
    void refusesTargetsWithoutTheOptInTag() {
        templateListed();
        template("[{\"source\": \"aws:cloudwatch:alarm\", \"value\": \"" + ALARM_5XX + "\"}]", "{\"Environment\": \"staging\"}",
                "{\"ChaosAllowed\": \"true\"}");

        assertThatThrownBy(() -> driver(false).prepare(experiment())).isInstanceOf(GuardrailViolation.class)
                .hasMessageContaining("target serviceTasks (aws:ecs:task) does not require the opt-in tag ChaosAllowed=true");
        aws.verify(0, postRequestedFor(urlPathEqualTo("/experiments")));
    }

    @Test
    void aMissingTemplateIsNotRunnableUnlessCreatingIsAllowed() {
        json(get(urlPathEqualTo("/experimentTemplates")), "{\"experimentTemplates\": []}");

        assertThatThrownBy(() -> driver(false).prepare(experiment())).isInstanceOf(NotRunnable.class)
                .hasMessageContaining("no FIS experiment template is tagged ExperimentId=instance-killed");
        aws.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void createsAMissingTemplateAsTheTerraformModuleWouldThenChecksItsGuardRails() {
        json(get(urlPathEqualTo("/experimentTemplates")), "{\"experimentTemplates\": []}");
        json(post(urlPathEqualTo("/experimentTemplates")), """
                {"experimentTemplate": {"id": "EXTnew", "description": "created",
                  "targets": {"serviceTasks": {"resourceType": "aws:ecs:task", "selectionMode": "COUNT(1)", "resourceTags": {"ChaosAllowed": "true"}}},
                  "stopConditions": [{"source": "aws:cloudwatch:alarm", "value": "%s"}, {"source": "aws:cloudwatch:alarm", "value": "%s"}],
                  "tags": {"ChaosAllowed": "true", "ExperimentId": "instance-killed"}}}""".formatted(ALARM_5XX, ALARM_NO_HOSTS));

        driver(true).prepare(experiment());

        List<LoggedRequest> created = aws.findAll(postRequestedFor(urlPathEqualTo("/experimentTemplates")));
        assertThat(created).hasSize(1);
        String body = created.getFirst().getBodyAsString();
        assertThat(body).contains("\"roleArn\":\"arn:aws:iam::123456789012:role/chatbot-staging-fis\"")
                .contains("\"actionId\":\"aws:ecs:stop-task\"")
                .contains("\"resourceType\":\"aws:ecs:task\"").contains("\"selectionMode\":\"COUNT(1)\"")
                .contains("\"ChaosAllowed\":\"true\"").contains("\"ExperimentId\":\"instance-killed\"")
                .contains("\"Name\":\"chatbot-staging-instance-killed\"")
                .contains("\"value\":\"" + ALARM_5XX + "\"").contains("\"value\":\"" + ALARM_NO_HOSTS + "\"")
                .contains("\"emptyTargetResolutionMode\":\"fail\"");
        assertThat(aws.findAll(anyRequestedFor(urlPathEqualTo("/experiments")))).isEmpty();
    }

    @Test
    void theEngineRunsAnFisExperimentAndJudgesItsHypothesis() {
        safeTemplate();
        experimentGoesThrough("running", "running", "running", "completed");
        Experiment experiment = experiment().withMaxRecovery(Duration.ofSeconds(2))
                .withSteadyState(experiment().steadyState().withStableSeconds(0.5));
        ChaosEngine engine = new ChaosEngine(e -> new SyntheticObservation());
        ExperimentResult result = engine.run(shortBaseline(experiment), driver(false));

        assertThat(result.outcome()).as(result.checks().toString()).isEqualTo(ExperimentResult.Outcome.HELD);
        assertThat(result.target()).isEqualTo("staging");
        assertThat(result.facts()).containsEntry("FIS experiment id", "EXP42").containsEntry("FIS final state", "completed");
        assertThat(result.mttrSeconds()).isZero();
    }

    private static Experiment shortBaseline(Experiment experiment) {
        SteadyState s = experiment.steadyState();
        return experiment.withSteadyState(new SteadyState(s.hypothesis(), 0.3, s.errorPercentAtMost(), s.p95MillisBelow(),
                s.faultErrorPercentAtMost(), s.faultP95MillisBelow(), s.stableSeconds(), s.latencyLimitMillis(), s.lostWritesAtMost()));
    }

    /** A healthy service, sampled every 50 ms. */
    static final class SyntheticObservation implements Observation {

        private final java.time.Instant start = java.time.Instant.now();

        @Override
        public List<ProbeSample> probeSamples() {
            List<ProbeSample> samples = new java.util.ArrayList<>();
            for (java.time.Instant t = start; t.isBefore(java.time.Instant.now()); t = t.plusMillis(50)) {
                samples.add(new ProbeSample(t, 20, 200));
            }
            return samples;
        }

        @Override
        public List<ProbeSample> loadSamples() {
            return List.of();
        }

        @Override
        public int acknowledgedWrites() {
            return 10;
        }

        @Override
        public void stop() {
        }

        @Override
        public List<AcknowledgedWrite> lostWrites() {
            return List.of();
        }

        @Override
        public String describe() {
            return "synthetic";
        }
    }
}

package org.faithbot.verification.load;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.FigureRouting;
import org.faithbot.verification.catalogue.SpecSteps;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load specs' figures go under the criteria they went under when the step definitions named them: in every
 * scenario of the performance specs and of their self-test (which carries no criterion tag), each key of each
 * Then-step is routed by criteria.yaml as the glue once chose with {@code criteriaOr(...)} or a fixed id.
 */
class PerformanceFigureRoutesTest {

    /** Every criterion of the scenario, or these when it carries none. */
    private static UnaryOperator<List<String>> criteriaOr(String... fallback) {
        return criteria -> criteria.isEmpty() ? List.of(fallback) : criteria;
    }

    /** The scenario's first criterion, or this one when it carries none. */
    private static UnaryOperator<List<String>> firstOr(String fallback) {
        return criteria -> List.of(criteria.isEmpty() ? fallback : criteria.getFirst());
    }

    private record Before(String key, UnaryOperator<List<String>> criteria) {
    }

    /** Each Then-step's figures: their key now, and how the step chose their criteria before. */
    private static final Map<String, List<Before>> THEN = new LinkedHashMap<>();

    static {
        THEN.put("the chat p95 under this load is below \\d+ ms", List.of(new Before("performance.chat-latency", criteriaOr("NFR-PERF-1"))));
        THEN.put("fewer than [\\d.]+ % of all requests fail", List.of(new Before("performance.errors", criteriaOr("SC-PERF-1"))));
        THEN.put("\\d+ members were in a journey at the same time", List.of(new Before("performance.concurrency", criteriaOr("NFR-SCALE-1"))));
        THEN.put("the requests per second served are reported", List.of(new Before("performance.throughput", criteriaOr("NFR-SCALE-1"))));
        THEN.put("the load generator's own CPU share and memory are reported",
                List.of(new Before("performance.injector-cost", criteriaOr("NFR-SCALE-1"))));
        THEN.put("the local DynamoDB was not the bottleneck", List.of(new Before("performance.process-cpu", firstOr("NFR-SCALE-1"))));
        THEN.put("more than \\d+ requests per second are answered successfully, sustained over the plateau",
                List.of(new Before("performance.plateau", criteriaOr("NFR-PERF-3"))));
        THEN.put("the highest arrival rate sustained within the SLOs is reported, and it is above \\d+ per second",
                List.of(new Before("performance.capacity", criteriaOr("NFR-PERF-3"))));
        THEN.put("the service's own metrics show an average DynamoDB operation time below \\d+ ms",
                List.of(new Before("performance.dynamodb", criteriaOr("AC-3.1", "NFR-PERF-4"))));
        THEN.put("no Scan ran on the hot paths during the load", List.of(new Before("performance.scan-count", c -> List.of("AC-3.1"))));
        THEN.put("the cache hit ratio under this load is at least \\d+ %", List.of(new Before("performance.cache", firstOr("AC-3.2"))));
        THEN.put("the share of verse responses served from cache is reported", List.of(new Before("performance.cache", firstOr("AC-3.2"))));
        THEN.put("this release's chat p95 is at most 1.5 x the previous release's \\+ 50 ms, significantly judged",
                List.of(new Before("performance.baseline", firstOr("AC-3.6"))));
        THEN.put("this release serves at least 95 % of the previous release's successful requests per second, significantly judged",
                List.of(new Before("performance.baseline", firstOr("AC-3.6"))));
        THEN.put("the service counted at least \\d+ daily active members", List.of(new Before("day.members", c -> List.of("NFR-SCALE-2"))));
        THEN.put("each sampled member's export holds what they sent, and nothing of those who erased their account",
                List.of(new Before("day.exports", c -> List.of("NFR-SCALE-2"))));
        THEN.put("what each table stores after the day is reported, with the storage per member",
                List.of(new Before("day.storage", c -> List.of("NFR-SCALE-2"))));
        THEN.put("at least \\d+ prayer requests were submitted, claimed and answered over the day",
                List.of(new Before("day.prayers", c -> List.of("NFR-SCALE-3"))));
        THEN.put("95 % of all requests of the day were answered within \\d+ ms", List.of(new Before("day.all-requests", c -> List.of("SC-PERF-4"))));
        THEN.put("the CDN served more than \\d+ % of the day's page and asset requests from its cache",
                List.of(new Before("day.cdn", c -> List.of("NFR-PERF-5"))));
        THEN.put("the availability the steady-state probe saw over the day is reported",
                List.of(new Before("day.availability", c -> List.of("NFR-AVAIL-1"))));
    }

    private static final List<String> WITHOUT_FIGURES = List.of("\\d+ members are using the chatbot at the same time",
            "a production day: 10,000 members or more, at least 1000 of them at once at its peaks, in the main job; a smaller day of 3,500 members in the tests",
            "members keep arriving at \\d+ per second, each asking one question",
            "members keep arriving at \\d+ per second for \\d+ seconds, each asking one question",
            "the arrival rate rises step by step until the SLOs break",
            "every instance will stall for \\d+ seconds, \\d+ seconds into the next load, unnoticed by the balancer",
            "the previous release of the service, built once from its commit and cached",
            "both releases serve the same chat arrivals in alternating rounds on this host");

    private final FigureRouting routing = CriteriaCatalogue.load().figures();

    @Test
    void everyFigureOfTheLoadSpecsGoesUnderTheCriteriaItWentUnderBefore() {
        Path root = Targets.projectRoot();
        int checked = 0;
        for (Path feature : List.of(root.resolve("features/performance.feature"), root.resolve("features/production-day.feature"),
                root.resolve("verification/src/test/resources/selftest/performance-under-latency-fault.feature"))) {
            for (SpecSteps scenario : SpecSteps.of(feature)) {
                for (String step : scenario.steps()) {
                    List<Before> figures = THEN.entrySet().stream().filter(e -> step.matches(e.getKey())).map(Map.Entry::getValue).findFirst()
                            .orElse(null);
                    if (figures == null) {
                        assertThat(WITHOUT_FIGURES).as("a step of %s records no figure: \"%s\"", scenario.name(), step).anyMatch(step::matches);
                        continue;
                    }
                    for (Before before : figures) {
                        assertThat(routing.criteriaFor(before.key(), scenario.criteria()))
                                .as("%s in \"%s\" (%s)", before.key(), scenario.name(), scenario.criteria())
                                .isEqualTo(before.criteria().apply(scenario.criteria()));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(THEN.size());
    }

    @Test
    void theSelfTestsChatLatencyFallsBackOnTheChatLatencyCriterion() {
        assertThat(routing.criteriaFor("performance.chat-latency", List.of())).containsExactly("NFR-PERF-1");
    }
}

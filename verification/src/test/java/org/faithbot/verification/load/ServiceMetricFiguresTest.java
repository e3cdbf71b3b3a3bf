package org.faithbot.verification.load;

import org.faithbot.verification.http.PrometheusText;
import org.faithbot.verification.evidence.Comparator;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.load.LoadSettings.Feature;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The figures judged from the service's own metrics: counter deltas over a load, summed over the instances. */
class ServiceMetricFiguresTest {

    private static final ServiceFeatures ALL = new ServiceFeatures(Set.of(Feature.VERSES), Map.of(), 200);

    private static ServiceMetrics.Delta delta(String before, String after) {
        return new ServiceMetrics.Delta(
                new ServiceMetrics.Snapshot(Map.of("s1", PrometheusText.parse(before), "s2", PrometheusText.parse(before))),
                new ServiceMetrics.Snapshot(Map.of("s1", PrometheusText.parse(after), "s2", PrometheusText.parse(after))));
    }

    private static final String BEFORE = """
            dynamodb_operation_seconds_count{operation="GetItem",table="users"} 10
            dynamodb_operation_seconds_sum{operation="GetItem",table="users"} 0.1
            dynamodb_operation_seconds_count{operation="Query",table="messages"} 0
            dynamodb_operation_seconds_sum{operation="Query",table="messages"} 0
            cache_gets_total{cache="verses",result="hit"} 0
            cache_gets_total{cache="verses",result="miss"} 0
            http_server_requests_seconds_count{status="200",uri="/api/v1/verses/daily"} 0
            http_server_requests_seconds_count{status="304",uri="/api/v1/verses/daily"} 0
            http_server_requests_seconds_count{status="200",uri="/api/v1/chat"} 0
            """;

    private static final String AFTER = """
            dynamodb_operation_seconds_count{operation="GetItem",table="users"} 110
            dynamodb_operation_seconds_sum{operation="GetItem",table="users"} 1.1
            dynamodb_operation_seconds_count{operation="Query",table="messages"} 50
            dynamodb_operation_seconds_sum{operation="Query",table="messages"} 1.5
            dynamodb_operation_seconds_count{operation="Scan",table="prayers"} 2
            dynamodb_operation_seconds_sum{operation="Scan",table="prayers"} 0.2
            cache_gets_total{cache="verses",result="hit"} 90
            cache_gets_total{cache="verses",result="miss"} 10
            http_server_requests_seconds_count{status="200",uri="/api/v1/verses/daily"} 30
            http_server_requests_seconds_count{status="304",uri="/api/v1/verses/daily"} 10
            http_server_requests_seconds_count{status="200",uri="/api/v1/chat"} 500
            """;

    private static ServiceMetricFigures figures(String before, String after) {
        return new ServiceMetricFigures(delta(before, after), ALL, "the load");
    }

    @Test
    void theAverageDynamoDbTimeIsTheTimersSumOverItsCountOverTheLoad() {
        List<Figure> dynamoDb = figures(BEFORE, AFTER).dynamoDb(1000);
        // per instance: GetItem 100 ops in 1.0 s, Query 50 in 1.5 s, Scan 2 in 0.2 s; two instances
        assertThat(dynamoDb.getFirst().metric()).isEqualTo("DynamoDB operations during the load");
        assertThat(dynamoDb.getFirst().value()).isEqualTo(304.0);
        assertThat(dynamoDb.getFirst().judged()).isFalse();
        assertThat(dynamoDb.getLast().value()).isEqualTo(17.76); // 5.4 s / 304 ops, rounded
        assertThat(dynamoDb.getLast().comparator()).isEqualTo(Comparator.LESS_THAN);
        assertThat(dynamoDb.getLast().threshold()).isEqualTo(1000.0);
        assertThat(dynamoDb.getLast().conditions()).isEqualTo("counter deltas of dynamodb_operation_seconds over the load, summed over every"
                + " instance's /actuator/prometheus; GetItem: 200 ops, avg 10.0 ms; Query: 100 ops, avg 30.0 ms; Scan: 4 ops, avg 100.0 ms; the load");
    }

    @Test
    void theScansAreCountedWhateverTheCaseOfTheOperation() {
        Figure scans = figures(BEFORE, AFTER).scans();
        assertThat(scans.value()).isEqualTo(4.0);
        assertThat(scans.met()).isFalse();
        assertThat(figures(BEFORE, AFTER.replace("Scan", "scan")).scans().value()).isEqualTo(4.0);
        assertThat(figures(BEFORE, BEFORE).scans().met()).isTrue();
    }

    @Test
    void aTimerTheServiceDoesNotPublishIsNotMeasurable() {
        assertThatThrownBy(() -> figures("", "").dynamoDb(1000)).isInstanceOf(NotMeasurable.class)
                .hasMessage("not measurable yet: the service does not publish the DynamoDB operation timer"
                        + " dynamodb_operation_seconds{table,operation} on /actuator/prometheus");
        assertThatThrownBy(() -> figures("", "").cacheHitRatio(80)).isInstanceOf(NotMeasurable.class)
                .hasMessageContaining("cache_gets_total{result=hit|miss}");
    }

    @Test
    void theCacheHitRatioIsHitsOverLookUps() {
        Figure ratio = figures(BEFORE, AFTER).cacheHitRatio(80);
        assertThat(ratio.metric()).isEqualTo("cache hit ratio under load (180 hits, 20 misses)");
        assertThat(ratio.value()).isEqualTo(90.0);
        assertThat(ratio.comparator()).isEqualTo(Comparator.AT_LEAST);
        ServiceMetricFigures withoutVerses = new ServiceMetricFigures(delta(BEFORE, AFTER),
                new ServiceFeatures(Set.of(), Map.of(Feature.VERSES, "GET /api/v1/verses/daily answered 404"), 200), "the load");
        assertThatThrownBy(() -> withoutVerses.cacheHitRatio(80)).isInstanceOf(NotMeasurable.class)
                .hasMessageContaining("not run: the cached verse endpoints").hasMessageContaining("answered 404");
    }

    @Test
    void theShareOfRevalidatedVerseResponsesCountsOnlyTheVerseEndpoints() {
        Figure share = figures(BEFORE, AFTER).notModifiedShare();
        assertThat(share.value()).isEqualTo(25.0);
        assertThat(share.comparator()).isEqualTo(Comparator.GREATER_THAN);
        assertThat(share.conditions()).startsWith("http_server_requests deltas by status on /api/v1/verses*: {200=60.0, 304=20.0};");
    }

    @Test
    void aLoadWithoutTheServicesMetricsIsNotMeasurable() {
        MeasuredLoad load = new MeasuredLoad(null, ALL, null);
        assertThatThrownBy(() -> ServiceMetricFigures.of(load, "")).isInstanceOf(NotMeasurable.class)
                .hasMessage("the service's own metrics are read from each instance, on the local target only");
    }
}

package org.faithbot.verification.chaos;

import org.faithbot.verification.traffic.ProbeSample;
import org.faithbot.verification.traffic.ProbeTimeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The local equivalents of the monitoring module's CloudWatch alarms that FIS templates use as stop
 * conditions, evaluated on what the harness measures (the probe's and the load's requests, and the
 * balancer's view of its servers). Each keeps its CloudWatch threshold and its "M of N" datapoints
 * rule, with 1-second periods instead of 60-second ones:
 * <ul>
 *   <li>{@code alb-5xx-rate}: more than 5 % of the requests of a period failed, 2 of 3 periods;</li>
 *   <li>{@code alb-p95-latency}: the p95 of a period above 3 s, 3 of 5 periods;</li>
 *   <li>{@code alb-unhealthy-hosts}: a server of the balancer not UP, 2 of 3 periods;</li>
 *   <li>{@code alb-no-healthy-hosts}: no server UP, 2 of 2 periods.</li>
 * </ul>
 * Any other alarm key (ECS CPU or memory, DynamoDB throttles...) has no local equivalent: it is
 * listed as not evaluated locally, never as in alarm.
 */
public final class LocalAlarms {

    private record Rule(int periods, int datapoints) {
    }

    private static final Map<String, Rule> RULES = Map.of(
            "alb-5xx-rate", new Rule(3, 2),
            "alb-p95-latency", new Rule(5, 3),
            "alb-unhealthy-hosts", new Rule(3, 2),
            "alb-no-healthy-hosts", new Rule(2, 2));
    static final double ERROR_RATE_PERCENT = 5;
    static final double P95_MILLIS = 3000;
    private static final Duration PERIOD = Duration.ofSeconds(1);

    private final List<String> evaluated;
    private final List<String> notEvaluated;
    private final Supplier<List<ProbeSample>> samples;
    private final IntSupplier serversUp;
    private final IntSupplier serversNotUp;
    private final Instant origin;
    /** Per period index: the fewest servers UP and the most servers not UP seen in it. */
    private final Map<Long, int[]> hosts = new LinkedHashMap<>();

    public LocalAlarms(List<String> alarmKeys, Supplier<List<ProbeSample>> samples, IntSupplier serversUp, IntSupplier serversNotUp,
                       Instant origin) {
        this.evaluated = alarmKeys.stream().filter(RULES::containsKey).toList();
        this.notEvaluated = alarmKeys.stream().filter(k -> !RULES.containsKey(k)).toList();
        this.samples = samples;
        this.serversUp = serversUp;
        this.serversNotUp = serversNotUp;
        this.origin = origin;
    }

    public static boolean hasLocalEquivalent(String alarmKey) {
        return RULES.containsKey(alarmKey);
    }

    public List<String> notEvaluatedLocally() {
        return notEvaluated;
    }

    /** Samples the balancer (call every tick) and returns the first alarm in ALARM, if any. */
    public synchronized Optional<String> inAlarm() {
        Instant now = Instant.now();
        long current = Duration.between(origin, now).toMillis() / PERIOD.toMillis();
        if (evaluated.contains("alb-unhealthy-hosts") || evaluated.contains("alb-no-healthy-hosts")) {
            int up = serversUp.getAsInt();
            int notUp = serversNotUp.getAsInt();
            hosts.merge(current, new int[]{up, notUp}, (a, b) -> new int[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        ProbeTimeline timeline = new ProbeTimeline(samples.get());
        for (String alarm : evaluated) {
            Rule rule = RULES.get(alarm);
            List<Boolean> datapoints = new ArrayList<>();
            for (long period = current - rule.periods(); period < current; period++) { // complete periods only
                if (period < 0) {
                    continue;
                }
                datapoints.add(breaching(alarm, timeline, period));
            }
            if (datapoints.stream().filter(b -> b).count() >= rule.datapoints()) {
                return Optional.of(alarm);
            }
        }
        return Optional.empty();
    }

    private boolean breaching(String alarm, ProbeTimeline timeline, long period) {
        Instant from = origin.plus(PERIOD.multipliedBy(period));
        Instant to = from.plus(PERIOD);
        return switch (alarm) {
            case "alb-5xx-rate" -> timeline.count(from, to) > 0 && timeline.errorPercent(from, to) > ERROR_RATE_PERCENT;
            case "alb-p95-latency" -> timeline.count(from, to) > 0 && timeline.p95Millis(from, to) > P95_MILLIS;
            case "alb-unhealthy-hosts" -> hosts.containsKey(period) && hosts.get(period)[1] > 0;
            case "alb-no-healthy-hosts" -> hosts.containsKey(period) && hosts.get(period)[0] < 1;
            default -> false;
        };
    }
}

package org.faithbot.verification.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.http.ServiceApi;
import org.faithbot.verification.local.CdnCounters;
import org.faithbot.verification.target.TableDefinitions;
import org.faithbot.verification.target.Target;
import org.faithbot.verification.traffic.ProbeTimeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures a production day ({@link DaySimulation}) is judged by beyond the load's own: the members the service
 * counted active, the prayer requests submitted, claimed and answered (the service's counters over the day), every
 * request's latency, the sampled members' exports against what they sent, what the tables hold afterwards, and the
 * probe's view of availability over the day.
 */
public final class DayFigures {

    /** DynamoDB Standard storage, per GB-month (us-east-1 list price; the first 25 GB of an account are free). */
    static final double STORAGE_DOLLARS_PER_GB_MONTH = 0.25;

    private final MeasuredLoad load;
    private final Target target;
    private final String conditions;

    public DayFigures(MeasuredLoad load, Target target, String conditions) {
        this.load = load;
        this.target = target;
        this.conditions = conditions;
    }

    private JsonNode telemetry() {
        return load.run().telemetry();
    }

    /** The members the day brought (the injector's count, reported) and those the service counted active, judged against {@code threshold}. */
    public List<Figure> activeMembers(int threshold) {
        ServiceMetrics.Delta metrics = metrics("the daily active members are the service's own counter, read from each instance");
        String metric = "members_active_daily_total";
        assertThat(metrics.has(metric)).as("the service publishes " + metric).isTrue();
        String how = "increase of " + metric + " over the day, summed over every instance's /actuator/prometheus (a member is counted"
                + " once a day, on their first registration, chat or prayer request; the steady-state probe's "
                + SharedLoads.PROBE_CLIENTS + " members included); " + conditions;
        return List.of(
                Figure.of("members who arrived (the load generator's count)", telemetry().path("membersArrived").asDouble(), "members")
                        .when(conditions),
                Figure.of("daily active members counted by the service", metrics.sum(metric, Map.of()), "members").rounded()
                        .atLeast(threshold).when(how));
    }

    /** Prayer requests submitted, claimed and answered over the day (the service's counters), each judged against {@code threshold}. */
    public List<Figure> prayers(int threshold) {
        ServiceMetrics.Delta metrics = metrics("the prayer counters are the service's own, read from each instance");
        double submitted = metrics.sum("prayers_submitted_total", Map.of("outcome", "created"));
        double claimed = metrics.sum("prayers_claims_total", Map.of("outcome", "claimed"));
        double answered = metrics.sum("prayer_responses_first_total", Map.of());
        double withinStandard = metrics.sum("prayer_responses_first_total", Map.of("within_standard", "true"));
        String how = "increase over the day of prayers_submitted_total{outcome=created}, prayers_claims_total{outcome=claimed} and"
                + " prayer_responses_first_total, summed over every instance; the prayer team of 3 worked the queue all day; " + conditions;
        return List.of(
                Figure.of("prayer requests submitted over the day", submitted, "requests").rounded().atLeast(threshold).when(how),
                Figure.of("prayer requests claimed by the prayer team over the day", claimed, "requests").rounded().atLeast(threshold).when(how),
                Figure.of("prayer requests answered over the day", answered, "requests").rounded().atLeast(threshold).when(how),
                Figure.of("share of the answered prayer requests answered within the response standard",
                        answered == 0 ? 0 : 100.0 * withinStandard / answered, "%").rounded()
                        .when("prayer_responses_first_total{within_standard=true} over all first responses (the standard: chatbot.prayer.response-standard); "
                                + conditions));
    }

    /** The latency of every request of the day: its p95, judged against {@code thresholdMillis}, with p50 and p99 reported. */
    public List<Figure> allRequests(int thresholdMillis) {
        GatlingStats.RequestStats all = load.run().stats().global();
        String how = "every request of the day (members' and staff's, " + all.total() + " requests), Gatling's statistics; " + conditions;
        return List.of(
                Figure.of("latency p50 of all requests over the day", all.p50(), "ms").rounded().when(how),
                Figure.of("latency p99 of all requests over the day", all.p99(), "ms").rounded().when(how),
                Figure.of("latency p95 of all requests over the day", all.p95(), "ms").rounded().lessThan(thresholdMillis).when(how));
    }

    /**
     * Each sampled member's export, read after the day with a token of their own: it must hold every text they sent,
     * or none of it when they erased their account. The members sampled and those missing data are reported.
     */
    public record ExportCheck(List<Figure> figures, List<String> problems) {
    }

    public ExportCheck exports() {
        ServiceApi api = new ServiceApi(target.baseUrl(), false);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        int erased = 0;
        for (JsonNode member : telemetry().path("sampledMembers")) {
            String id = member.path("memberId").asText();
            String token = target.tokens().tokenFor(new TestUser(id, "sampled." + id.substring(5, 13) + "@example.org", "Sampled member"));
            Response export = api.export(token);
            checked++;
            boolean wasErased = member.path("erased").asBoolean();
            erased += wasErased ? 1 : 0;
            if (export.statusCode() != 200) {
                problems.add(id + ": export answered " + export.statusCode());
                continue;
            }
            String body = export.asString();
            for (JsonNode sent : member.path("sent")) {
                boolean present = body.contains(json(sent.asText()));
                if (present == wasErased) {
                    problems.add(id + (wasErased ? ": erased, yet the export still holds \"" : ": the export lacks \"") + sent.asText() + "\"");
                }
            }
        }
        String how = "every " + DayJourneys.SAMPLE_EVERY + "th member of the day recorded by the load generator with the texts they sent;"
                + " after the day, GET /api/v1/me/export with a token of their own; " + erased + " of them had erased their account"
                + " (their export must hold none of it); " + conditions;
        return new ExportCheck(List.of(
                Figure.of("sampled members whose export was checked", checked, "members").atLeast(1).when(how),
                Figure.of("sampled members' texts missing from their export (or left after erasure)", problems.size(), "texts").atMost(0).when(how)),
                problems);
    }

    /** What each table holds after the day, and the day's members' share of it, with their storage per member and its monthly cost. */
    public List<Figure> storage() {
        if (!target.local()) {
            throw new NotMeasurable("what the tables hold is measured by reading them whole, on the local target only");
        }
        Set<String> members = new HashSet<>();
        telemetry().path("memberIds").forEach(id -> members.add(id.asText()));
        assertThat(members).as("the ids of the day's members (load generator telemetry)").isNotEmpty();
        List<Figure> figures = new ArrayList<>();
        long memberBytes = 0;
        String how = "a Scan of every page of each table after the day (the local DynamoDB keeps no size statistics), item sizes by"
                + " DynamoDB's rules, items of the day's " + members.size() + " members by their userId; " + conditions;
        for (TableDefinitions.Table definition : target.tables().tables()) {
            String table = definition.name();
            TableStorage stored = TableStorage.of(target.dynamoDb(), target.tablePrefix() + table, members);
            memberBytes += stored.memberBytes();
            figures.add(Figure.of("table " + table + " after the day: items", stored.items(), "items")
                    .when(how + "; of them the day's members': " + stored.memberItems()));
            figures.add(Figure.of("table " + table + " after the day: bytes", stored.bytes(), "bytes")
                    .when(how + "; of them the day's members' items: " + stored.memberBytes()));
        }
        double perMember = (double) memberBytes / members.size();
        figures.add(Figure.of("storage per member after their day (all tables)", perMember, "bytes").rounded().when(how));
        figures.add(Figure.of("storage cost per 1,000 members a month", perMember * 1000 / 1e9 * STORAGE_DOLLARS_PER_GB_MONTH * 1000, "millidollars")
                .rounded().when(how + "; at $" + STORAGE_DOLLARS_PER_GB_MONTH + " per GB-month (DynamoDB Standard, us-east-1 list price),"
                        + " before indexes, backups and PITR"));
        return figures;
    }

    /**
     * The CDN's hit ratio over the day, from its own counters, judged above {@code thresholdPercent}: the members'
     * page views and their assets went through it.
     */
    public List<Figure> cdnHitRatio(int thresholdPercent) {
        CdnCounters cdn = load.cdn();
        if (cdn == null) {
            throw new NotMeasurable("the CDN's counters are read from the local CDN (Varnish); in staging CloudFront's CacheHitRate is CloudWatch's");
        }
        assertThat(cdn.cacheable()).as("page and asset requests through the CDN over the day").isPositive();
        assertThat(cdn.revalidated()).as("revalidations the origin answered 304 (Varnish's fetch_304, which counts the 304s of passed"
                + " requests too: only cacheable requests may go through the CDN for it to be a count of revalidated misses) of "
                + cdn.misses() + " misses").isLessThanOrEqualTo(cdn.misses());
        String how = "Varnish in front of the balancer with the CloudFront distribution's cache rules (terraform/modules/cdn), its own"
                + " counters over the day (varnishstat MAIN.cache_hit, cache_miss, fetch_304, s_pass): " + cdn.hits() + " hits, "
                + cdn.misses() + " misses of which " + cdn.revalidated() + " revalidated (not modified: served from the cache, CloudFront's"
                + " RefreshHit), " + cdn.passes() + " passed uncached; ratio = (hits + revalidated) / (hits + misses); " + conditions;
        return List.of(
                Figure.of("page and asset requests through the CDN over the day", cdn.cacheable(), "requests").when(how),
                Figure.of("CDN cache hit ratio over the day", cdn.hitRatioPercent(), "%").rounded().greaterThan(thresholdPercent).when(how));
    }

    /** What the steady-state probe saw over the day: its requests, the share answered, its p95 (reported; 99.9 % is production's to show). */
    public List<Figure> probeAvailability() {
        ProbeTimeline probe = load.probe();
        assertThat(probe).as("the steady-state probe ran beside the day").isNotNull();
        Instant from = Instant.EPOCH;
        Instant to = Instant.now();
        long requests = probe.count(from, to);
        assertThat(requests).as("probe requests over the day").isPositive();
        String how = SharedLoads.PROBE_CLIENTS + " probe members chatting through the public entry point every "
                + SharedLoads.PROBE_PACE.toMillis() + " ms for the whole day, beside its members; " + conditions;
        return List.of(
                Figure.of("probe requests over the day", requests, "requests").when(how),
                Figure.of("availability the probe saw over the day", 100.0 - probe.errorPercent(from, to), "%").rounded().when(how),
                Figure.of("probe chat latency p95 over the day", probe.p95Millis(from, to), "ms").rounded().when(how));
    }

    private ServiceMetrics.Delta metrics(String why) {
        if (load.serviceMetrics() == null) {
            throw new NotMeasurable(why + ", on the local target only");
        }
        return load.serviceMetrics();
    }

    /** The text as a JSON string's content (quotes and backslashes escaped), as it appears in an export. */
    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

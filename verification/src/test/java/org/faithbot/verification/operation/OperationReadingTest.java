package org.faithbot.verification.operation;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupJob;
import software.amazon.awssdk.services.backup.model.ListBackupJobsRequest;
import software.amazon.awssdk.services.backup.model.ListBackupJobsResponse;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.BatchGetDeploymentsRequest;
import software.amazon.awssdk.services.codedeploy.model.BatchGetDeploymentsResponse;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentsRequest;
import software.amazon.awssdk.services.codedeploy.model.ListDeploymentsResponse;
import software.amazon.awssdk.services.codedeploy.model.RollbackInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Production's operation as read from AWS: the periods, outages, deployments and backups, and the judgement's inputs. */
class OperationReadingTest {

    private static final Duration PERIOD = Duration.ofMinutes(5);
    private static final OperationWindow WINDOW = new OperationWindow(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-06T00:00:00Z"));

    private static List<MetricPeriod> healthyDays(Function<Instant, MetricPeriod> override) {
        List<MetricPeriod> periods = new ArrayList<>();
        for (Instant at = WINDOW.from(); at.isBefore(WINDOW.to()); at = at.plus(PERIOD)) {
            MetricPeriod changed = override.apply(at);
            periods.add(changed != null ? changed : new MetricPeriod(at, PERIOD, 1000, 0, 2.0));
        }
        return periods;
    }

    @Test
    void aPeriodIsDownWithoutAHealthyTargetWithFivePercentServerErrorsOrWithoutAFigure() {
        Instant noHost = Instant.parse("2026-11-10T03:00:00Z");
        Instant errors = Instant.parse("2026-11-20T12:00:00Z");
        Instant missing = Instant.parse("2026-11-25T00:00:00Z");
        List<MetricPeriod> periods = new ArrayList<>(healthyDays(at -> at.equals(noHost) ? new MetricPeriod(at, PERIOD, 10, 10, 0.0)
                : at.equals(errors) ? new MetricPeriod(at, PERIOD, 1000, 50, 2.0) : null));
        periods.removeIf(p -> p.start().equals(missing));

        Availability availability = Availability.over(WINDOW, PERIOD, periods, Availability.CRITICAL_ERROR_SHARE);

        assertThat(availability.periods()).isEqualTo(35 * 288);
        assertThat(availability.downPeriods()).as("no healthy host, 5 %% errors, no figure").isEqualTo(3);
        assertThat(availability.periodsWithoutData()).isEqualTo(1);
        assertThat(availability.uptimePercent()).isCloseTo(100.0 * (35 * 288 - 3) / (35 * 288), within(1e-9));
        assertThat(availability.errorRatePercent()).isCloseTo(100.0 * 60 / availability.requests(), within(1e-9));
        assertThat(new MetricPeriod(noHost, PERIOD, 1000, 49, 2.0).down(0.05)).as("4.9 %% errors: up").isFalse();
    }

    @Test
    void consecutiveDownPeriodsAreOneOutageAndTheMeansFollow() {
        Instant first = Instant.parse("2026-11-10T03:00:00Z");
        Instant second = Instant.parse("2026-11-30T10:00:00Z");
        List<MetricPeriod> periods = healthyDays(at -> !at.isBefore(first) && at.isBefore(first.plus(Duration.ofMinutes(20)))
                || at.equals(second) ? new MetricPeriod(at, PERIOD, 10, 0, 0.0) : null);
        Incidents incidents = Incidents.of(Availability.over(WINDOW, PERIOD, periods, 0.05));

        assertThat(incidents.count()).isEqualTo(2);
        assertThat(incidents.incidents().get(0).duration()).isEqualTo(Duration.ofMinutes(20));
        assertThat(incidents.mttrMinutes()).isEqualTo(12.5);
        assertThat(incidents.mtbfHours()).isCloseTo((840 - 25 / 60.0) / 2, within(1e-9));
        assertThat(incidents.incidents()).noneMatch(Incidents.Incident::open);

        Incidents none = Incidents.of(Availability.over(WINDOW, PERIOD, healthyDays(at -> null), 0.05));
        assertThat(none.count()).isZero();
        assertThat(none.mtbfHours()).as("no outage: the window, a lower bound").isEqualTo(840.0);
        assertThat(none.mttrMinutes()).isNaN();
    }

    @Test
    void anOutageStillRunningAtTheWindowsEndIsOpenAndMissingFiguresAreDown() {
        List<MetricPeriod> periods = healthyDays(at -> null).stream().filter(p -> p.start().isBefore(WINDOW.to().minus(Duration.ofHours(1)))).toList();
        Incidents incidents = Incidents.of(Availability.over(WINDOW, PERIOD, periods, 0.05));
        assertThat(incidents.count()).isEqualTo(1);
        assertThat(incidents.incidents().getFirst().open()).isTrue();
        assertThat(incidents.incidents().getFirst().duration()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void deploymentsCountReleasesApartFromTheirRollbacksAndSeeDowntimeWhileTheyRan() {
        Instant t = Instant.parse("2026-11-15T10:00:00Z");
        List<DeploymentRecord> all = List.of(
                new DeploymentRecord("d-1", "Succeeded", t, t.plusSeconds(600), null, null),
                new DeploymentRecord("d-2", "Failed", t.plus(Duration.ofDays(1)), t.plus(Duration.ofDays(1)).plusSeconds(300), null, "d-3"),
                new DeploymentRecord("d-3", "Succeeded", t.plus(Duration.ofDays(1)).plusSeconds(300), t.plus(Duration.ofDays(1)).plusSeconds(500), "d-2", null),
                new DeploymentRecord("d-4", "InProgress", t.plus(Duration.ofDays(2)), null, null, null),
                new DeploymentRecord("d-0", "Succeeded", WINDOW.from().minusSeconds(3600), WINDOW.from(), null, null));
        DeploymentHistory history = DeploymentHistory.of(WINDOW, all);
        assertThat(history.releases()).extracting(DeploymentRecord::id).containsExactly("d-1", "d-2");
        assertThat(history.successPercent()).isEqualTo(50.0);
        assertThat(history.rollbacks()).extracting(DeploymentRecord::id).containsExactly("d-3");
        assertThat(history.rollbackSuccessPercent()).isEqualTo(100.0);

        Instant downAt = t.plus(Duration.ofDays(1)); // 10:00-10:05 the next day: while d-2 ran, before its rollback d-3 began
        Availability availability = Availability.over(WINDOW, PERIOD, healthyDays(at -> at.equals(downAt)
                ? new MetricPeriod(at, PERIOD, 100, 100, 2.0) : null), 0.05);
        assertThat(history.withDowntime(availability)).extracting(DeploymentRecord::id).containsExactly("d-2");
        assertThat(history.zeroDowntimePercent(availability)).isCloseTo(200.0 / 3, within(1e-9));
    }

    @Test
    void backupsAreJudgedOverTheJobsThatFinished() {
        Instant t = Instant.parse("2026-11-15T01:00:00Z");
        BackupHistory history = new BackupHistory(WINDOW, List.of(
                new BackupHistory.Job("j1", "table/a", "COMPLETED", t, null),
                new BackupHistory.Job("j2", "table/b", "FAILED", t, "access denied"),
                new BackupHistory.Job("j3", "table/a", "RUNNING", t, null),
                new BackupHistory.Job("j4", "table/a", "COMPLETED", WINDOW.from().minusSeconds(1), null)));
        assertThat(history.finished()).extracting(BackupHistory.Job::id).containsExactly("j1", "j2");
        assertThat(history.successPercent()).isEqualTo(50.0);
        assertThat(history.describe()).contains("j2 FAILED table/b (access denied)");
    }

    @Test
    void theBalancersPeriodsSumTheServerErrorsAndTakeTheHealthiestTargetGroup() {
        Instant at = WINDOW.from();
        List<GetMetricDataRequest> asked = new ArrayList<>();
        CloudWatchClient cloudWatch = new CloudWatchClient() {
            @Override
            public ListMetricsResponse listMetrics(ListMetricsRequest request) {
                Dimension lb = Dimension.builder().name("LoadBalancer").value("app/chatbot-production/abc").build();
                if (request.metricName().equals("RequestCount")) {
                    return ListMetricsResponse.builder().metrics(Metric.builder().dimensions(lb).build(),
                            Metric.builder().dimensions(Dimension.builder().name("LoadBalancer").value("app/other/def").build()).build()).build();
                }
                return ListMetricsResponse.builder().metrics(
                        Metric.builder().dimensions(lb, Dimension.builder().name("TargetGroup").value("targetgroup/blue/1").build()).build(),
                        Metric.builder().dimensions(lb, Dimension.builder().name("TargetGroup").value("targetgroup/green/2").build()).build()).build();
            }

            @Override
            public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
                asked.add(request);
                List<MetricDataResult> results = new ArrayList<>();
                for (MetricDataQuery q : request.metricDataQueries()) {
                    double value = switch (q.id()) {
                        case "requests" -> 1000;
                        case "target5xx" -> 3;
                        case "elb5xx" -> 2;
                        case "healthy0" -> 0;
                        default -> 2;
                    };
                    results.add(MetricDataResult.builder().id(q.id()).timestamps(at).values(value).build());
                }
                return GetMetricDataResponse.builder().metricDataResults(results).build();
            }

            @Override
            public String serviceName() {
                return "cloudwatch";
            }

            @Override
            public void close() {
            }
        };
        LoadBalancerMetrics metrics = new LoadBalancerMetrics(cloudWatch);
        String balancer = metrics.dimension("chatbot-production", "");
        assertThat(balancer).isEqualTo("app/chatbot-production/abc");
        List<MetricPeriod> periods = metrics.periods(balancer, WINDOW, PERIOD);
        assertThat(periods).containsExactly(new MetricPeriod(at, PERIOD, 1000, 5, 2.0));
        assertThat(asked.getFirst().metricDataQueries()).extracting(q -> q.metricStat().stat()).containsExactly("Sum", "Sum", "Sum", "Minimum", "Minimum");
        assertThat(asked.getFirst().metricDataQueries()).allMatch(q -> q.metricStat().period() == 300);
    }

    @Test
    void codeDeploysDeploymentsAreReadWithTheirRollbacks() {
        Instant t = Instant.parse("2026-11-15T10:00:00Z");
        List<ListDeploymentsRequest> listed = new ArrayList<>();
        CodeDeployClient codeDeploy = new CodeDeployClient() {
            @Override
            public ListDeploymentsResponse listDeployments(ListDeploymentsRequest request) {
                listed.add(request);
                return ListDeploymentsResponse.builder().deployments("d-2", "d-3").build();
            }

            @Override
            public BatchGetDeploymentsResponse batchGetDeployments(BatchGetDeploymentsRequest request) {
                return BatchGetDeploymentsResponse.builder().deploymentsInfo(
                        DeploymentInfo.builder().deploymentId("d-2").status("Failed").createTime(t).completeTime(t.plusSeconds(60))
                                .rollbackInfo(RollbackInfo.builder().rollbackDeploymentId("d-3").build()).build(),
                        DeploymentInfo.builder().deploymentId("d-3").status("Succeeded").createTime(t.plusSeconds(60)).completeTime(t.plusSeconds(200))
                                .rollbackInfo(RollbackInfo.builder().rollbackTriggeringDeploymentId("d-2").build()).build()).build();
            }

            @Override
            public String serviceName() {
                return "codedeploy";
            }

            @Override
            public void close() {
            }
        };
        List<DeploymentRecord> records = new CodeDeployDeployments(codeDeploy).created("chatbot-production-app", "chatbot-production-dg", WINDOW);
        assertThat(listed.getFirst().createTimeRange().start()).isEqualTo(WINDOW.from());
        assertThat(listed.getFirst().deploymentGroupName()).isEqualTo("chatbot-production-dg");
        DeploymentHistory history = DeploymentHistory.of(WINDOW, records);
        assertThat(history.releases()).extracting(DeploymentRecord::id).containsExactly("d-2");
        assertThat(history.rollbacks()).extracting(DeploymentRecord::status).containsExactly("Succeeded");
    }

    @Test
    void theVaultsBackupJobsAreReadForTheWindow() {
        List<ListBackupJobsRequest> asked = new ArrayList<>();
        BackupClient backup = new BackupClient() {
            @Override
            public ListBackupJobsResponse listBackupJobs(ListBackupJobsRequest request) {
                asked.add(request);
                return ListBackupJobsResponse.builder().backupJobs(BackupJob.builder().backupJobId("j1").state("COMPLETED")
                        .creationDate(Instant.parse("2026-11-15T01:00:00Z")).resourceArn("arn:table/x").build()).build();
            }

            @Override
            public String serviceName() {
                return "backup";
            }

            @Override
            public void close() {
            }
        };
        BackupHistory history = new BackupJobs(backup).created("chatbot-production-vault", WINDOW);
        assertThat(asked.getFirst().byBackupVaultName()).isEqualTo("chatbot-production-vault");
        assertThat(asked.getFirst().byCreatedAfter()).isEqualTo(WINDOW.from());
        assertThat(history.successPercent()).isEqualTo(100.0);
    }

    @Test
    void theWindowEndsOnAFiveMinuteBoundaryAndDefaultsFromTheSettings() {
        OperationWindow window = OperationWindow.last(Duration.ofDays(35), Instant.parse("2026-12-05T09:58:41Z"));
        assertThat(window.to()).isEqualTo(Instant.parse("2026-12-05T09:55:00Z"));
        assertThat(window.hours()).isEqualTo(840.0);
        OperationSettings settings = OperationSettings.of("production");
        assertThat(settings.codeDeployGroup()).isEqualTo("chatbot-production-dg");
        assertThat(settings.backupVault()).isEqualTo("chatbot-production-vault");
        assertThat(settings.window()).isEqualTo(Duration.ofDays(35));
        assertThat(Map.of("alb", settings.albName())).containsEntry("alb", "chatbot-production");
    }

    @Test
    void theCdnsHitRateWeighsEachPeriodByItsRequestsAndCountsThePeriodsWithoutAFigure() {
        Instant busy = Instant.parse("2026-11-10T20:00:00Z");
        Instant quiet = Instant.parse("2026-11-11T04:00:00Z");
        Instant noRate = Instant.parse("2026-11-12T04:00:00Z");
        Instant outside = Instant.parse("2026-10-01T00:00:00Z");
        CdnHitRate cdn = CdnHitRate.of("E2EXAMPLE", WINDOW, Duration.ofHours(1),
                Map.of(busy, 9000.0, quiet, 1000.0, noRate, 500.0, outside, 1e9),
                Map.of(busy, 95.0, quiet, 50.0, outside, 0.0));
        assertThat(cdn.periods()).hasSize(2);
        assertThat(cdn.periodsWithoutFigure()).isEqualTo(1);
        assertThat(cdn.requests()).isEqualTo(10_000.0);
        assertThat(cdn.hitRatePercent()).as("(9000 x 95 + 1000 x 50) / 10,000, not the mean of 95 and 50").isEqualTo(90.5);
        assertThat(cdn.lowestPeriodPercent()).isEqualTo(50.0);
        assertThat(cdn.describe()).contains("E2EXAMPLE").contains("1 periods without a figure");
        assertThat(CdnHitRate.of("E", WINDOW, Duration.ofHours(1), Map.of(), Map.of()).hitRatePercent()).isNaN();
    }
}

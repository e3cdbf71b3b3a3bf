package org.faithbot.verification.steps;

import org.faithbot.verification.wait.Polling;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.assertj.core.api.Assertions;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.local.BackendServer;
import org.faithbot.verification.local.LocalMonitoring;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ProcessFreeze;
import org.faithbot.verification.local.ServiceInstance;
import org.faithbot.verification.monitoring.LocalPager;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Monitoring as the on-call sees it, on the local target: Prometheus scraping the instances, Alertmanager paging the
 * harness ({@link LocalMonitoring}); an instance (or all of them) frozen with SIGSTOP, as a stalled JVM would be, and
 * the time from the fault to Prometheus seeing it, to the page, to the acknowledgement and to the alert's resolution.
 */
public class MonitoringSteps {

    private final ScenarioContext context;
    private LocalMonitoring monitoring;
    private ProcessFreeze freeze;
    private List<ServiceInstance> frozen = List.of();
    private Instant faultAt;
    private Instant resumedAt;
    private LocalPager.Page page;
    private Duration frozenFor;

    public MonitoringSteps(ScenarioContext context) {
        this.context = context;
    }

    @After("@monitoring")
    public void resumeEverything() {
        if (freeze != null) {
            freeze.close();
            freeze = null;
            awaitInRotation();
        }
    }

    private LocalTarget target() {
        if (!context.target().local()) {
            throw new TestAbortedException("the monitoring stack of these scenarios is the local target's");
        }
        return LocalTarget.of(context.target());
    }

    @Given("Prometheus scrapes every instance of the local target and Alertmanager pages the harness")
    public void monitoringRuns() {
        monitoring = target().monitoring();
        boolean scraped = monitoring.awaitScraped(target().instances().size(), Duration.ofSeconds(20));
        Assertions.assertThat(scraped).as("Prometheus scrapes every instance (" + target().instances().size() + ") within 20 s").isTrue();
    }

    @When("an instance of the service freezes for {int} seconds")
    public void oneInstanceFreezes(int seconds) {
        freezeFor(List.of(target().instances().getFirst()), seconds);
    }

    @When("every instance of the service freezes for {int} seconds")
    public void everyInstanceFreezes(int seconds) {
        freezeFor(List.copyOf(target().instances()), seconds);
    }

    private void freezeFor(List<ServiceInstance> instances, int seconds) {
        frozen = instances;
        frozenFor = Duration.ofSeconds(seconds);
        freeze = new ProcessFreeze();
        faultAt = Instant.now();
        instances.forEach(instance -> freeze.freeze(instance.process()));
    }

    @Then("Prometheus sees it down within {int} seconds")
    public void prometheusSeesItDown(int seconds) {
        String instance = "127.0.0.1:" + frozen.getFirst().port();
        boolean seen = waitUntil(Duration.ofSeconds(seconds), () -> monitoring.query("up{job=\"chatbot\",instance=\"" + instance + "\"}")
                .orElse(1) == 0);
        double took = seen ? seconds(faultAt, Instant.now()) : Math.max(seconds, seconds(faultAt, Instant.now()));
        context.evidence().require("monitoring.freshness", Figure.of("time from an instance freezing to Prometheus seeing it down",
                took, "s").lessThan(seconds).when(how("up{instance=\"" + instance + "\"} == 0 read through Prometheus's query API every 250 ms")));
    }

    @Then("the {word} alert reaches the pager within {int} seconds, naming its runbook section")
    public void alertPaged(String alarm, int seconds) {
        Optional<LocalPager.Page> paged = monitoring.pager().await(faultAt, p -> p.firing() && p.alarm().equals(alarmKey(alarm)),
                Duration.ofSeconds(seconds));
        Allure.addAttachment("pages received", "text/plain", String.join("\n", monitoring.pager().pages().stream().map(Object::toString).toList()));
        context.evidence().require("monitoring.detection", Figure.of("time to detect: fault to the " + alarm + " page",
                paged.map(p -> seconds(faultAt, p.receivedAt())).orElse(seconds(faultAt, Instant.now())), "s").lessThan(seconds)
                .when(how("the first firing notification with alarm=" + alarmKey(alarm) + " at the harness's webhook (Alertmanager, group_wait 1 s)")));
        page = paged.orElseThrow();
        Assertions.assertThat(page.runbook()).as("the page names its runbook section").startsWith("docs/runbooks/");
    }

    @Then("the on-call acknowledges it through Alertmanager")
    public void acknowledge() {
        Instant acknowledged = monitoring.acknowledge(page, Duration.ofMinutes(10)).at();
        context.evidence().require("monitoring.acknowledgement", Figure.of("time to acknowledge: fault to the silence in Alertmanager",
                seconds(faultAt, acknowledged), "s").lessThan(15 * 60).when(how("the harness acknowledges as the on-call would, with a silence on "
                + page.alertName() + " " + page.instance() + " through Alertmanager's API, once the page named its runbook (" + page.runbook() + ");"
                + " SC-OPS-1's 15 minutes")));
    }

    @Then("after the instance resumes the alert resolves within {int} seconds")
    public void resolvesAfterResume(int seconds) {
        resolves(seconds);
    }

    @Then("after the instances resume the alert resolves within {int} seconds")
    public void resolvesAfterAllResume(int seconds) {
        resolves(seconds);
    }

    private void resolves(int seconds) {
        sleepUntil(faultAt.plus(frozenFor));
        String firing = "ALERTS{alertname=\"" + page.alertName() + "\",alertstate=\"firing\"}";
        boolean firingAtResume = !monitoring.answersNothing(firing) && monitoring.query("count(" + firing + ")").orElse(0) > 0;
        freeze.close();
        freeze = null;
        resumedAt = Instant.now();
        Assertions.assertThat(firingAtResume).as("the " + page.alertName() + " alert was still firing when the instances resumed").isTrue();
        boolean resolved = waitUntil(Duration.ofSeconds(seconds), () -> monitoring.answersNothing(firing));
        Instant at = Instant.now();
        context.evidence().require("monitoring.resolution", Figure.of("time to resolve: resumed to the " + page.alertName() + " alert no longer firing",
                resolved ? seconds(resumedAt, at) : Math.max(seconds, seconds(resumedAt, at)), "s").lessThan(seconds)
                .when(how("ALERTS{alertname=\"" + page.alertName() + "\",alertstate=\"firing\"} gone from Prometheus")));
        context.evidence().record("monitoring.resolution", Figure.of("time from the fault to the alert resolved (the incident, end to end)",
                seconds(faultAt, at), "s").rounded().when(how("fault, page, acknowledgement, resume after " + frozenFor.toSeconds() + " s, resolution")));
        awaitInRotation();
    }

    private void awaitInRotation() {
        LocalTarget target = target();
        for (ServiceInstance instance : frozen) {
            target.balancer().awaitServer(instance.name(), BackendServer::isUp, Duration.ofSeconds(30));
        }
    }

    private String how(String what) {
        return what + "; Prometheus scrapes every 2 s (timeout 1.5 s) and evaluates every 2 s, the rule fires after 4 s; "
                + frozen.size() + " of " + target().instances().size() + " instances frozen with SIGSTOP for " + frozenFor.toSeconds()
                + " s; local target (Prometheus 2.42, Alertmanager 0.25)";
    }

    private static String alarmKey(String alarm) {
        return switch (alarm) {
            case "instance-down" -> "alb-unhealthy-hosts";
            case "service-down" -> "alb-no-healthy-hosts";
            default -> alarm;
        };
    }

    private static double seconds(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMillis() / 10.0) / 100.0;
    }

    private static boolean waitUntil(Duration timeout, BooleanSupplier condition) {
        return Polling.until(timeout, Duration.ofMillis(250), condition::getAsBoolean);
    }

    private static void sleepUntil(Instant at) {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            sleep(millis);
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

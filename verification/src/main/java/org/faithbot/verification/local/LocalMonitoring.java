package org.faithbot.verification.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.faithbot.verification.monitoring.LocalPager;
import org.faithbot.verification.wait.Polling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * Monitoring on the local target: Prometheus (Debian's {@code prometheus}) scraping every instance of the service
 * through a file of targets the harness rewrites as instances come and go, with the alerting rules of
 * {@code monitoring/alert-rules.yml}; Alertmanager (Debian's {@code prometheus-alertmanager}) routing every alert to
 * the harness's {@link LocalPager}. Both on free loopback ports, started and stopped by PID.
 */
public final class LocalMonitoring implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often a wait for the monitoring polls it. */
    private static final Duration POLL = Duration.ofMillis(250);

    private final ManagedProcess prometheus;
    private final ManagedProcess alertmanager;
    private final int prometheusPort;
    private final int alertmanagerPort;
    private final Path targetsFile;
    private final Path rulesFile;
    private final LocalPager pager;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LocalMonitoring(ManagedProcess prometheus, ManagedProcess alertmanager, int prometheusPort, int alertmanagerPort,
                            Path targetsFile, Path rulesFile, LocalPager pager) {
        this.prometheus = prometheus;
        this.alertmanager = alertmanager;
        this.prometheusPort = prometheusPort;
        this.alertmanagerPort = alertmanagerPort;
        this.targetsFile = targetsFile;
        this.rulesFile = rulesFile;
        this.pager = pager;
    }

    /** Starts the pager, Alertmanager and Prometheus scraping {@code instances} and the balancer's metrics ({@code host:port}), and waits until both are ready. */
    static LocalMonitoring start(Collection<ServiceInstance> instances, String balancerMetrics, Path runDirectory, ProcessRegistry registry) {
        Path folder = runDirectory.resolve("monitoring");
        LocalPager pager = LocalPager.start();
        ManagedProcess alertmanager = null;
        try {
            Files.createDirectories(folder);
            int alertmanagerPort = FreePort.onLoopback();
            int prometheusPort = FreePort.onLoopback();
            Path targets = folder.resolve("targets.json");
            writeTargets(targets, instances);
            Path rules = folder.resolve("alert-rules.yml");
            Files.writeString(rules, resource("monitoring/alert-rules.yml"));
            Path alertmanagerConfig = folder.resolve("alertmanager.yml");
            Files.writeString(alertmanagerConfig, resource("monitoring/alertmanager.yml").replace("${PAGER_URL}", pager.url()));
            Path prometheusConfig = folder.resolve("prometheus.yml");
            Files.writeString(prometheusConfig, resource("monitoring/prometheus.yml").replace("${RULES_FILE}", rules.toString())
                    .replace("${ALERTMANAGER_PORT}", Integer.toString(alertmanagerPort)).replace("${TARGETS_FILE}", targets.toString()).replace("${BALANCER_TARGET}", balancerMetrics));
            alertmanager = ManagedProcess.start("alertmanager", CpuShares.Role.MONITORING, List.of("prometheus-alertmanager", "--config.file=" + alertmanagerConfig,
                    "--storage.path=" + folder.resolve("alertmanager-data"), "--web.listen-address=127.0.0.1:" + alertmanagerPort,
                    "--cluster.listen-address="), Map.of(), runDirectory.resolve("logs/alertmanager.log"), registry, alertmanagerConfig.toString());
            ManagedProcess prometheus = ManagedProcess.start("prometheus", CpuShares.Role.MONITORING, List.of("prometheus", "--config.file=" + prometheusConfig,
                    "--storage.tsdb.path=" + folder.resolve("prometheus-data"), "--storage.tsdb.retention.time=2h",
                    "--web.listen-address=127.0.0.1:" + prometheusPort), Map.of(), runDirectory.resolve("logs/prometheus.log"), registry,
                    prometheusConfig.toString());
            LocalMonitoring monitoring = new LocalMonitoring(prometheus, alertmanager, prometheusPort, alertmanagerPort, targets, rules, pager);
            monitoring.awaitReady(Duration.ofSeconds(30));
            return monitoring;
        } catch (IOException e) {
            pager.close();
            if (alertmanager != null) {
                alertmanager.stop(Duration.ofSeconds(5));
            }
            throw new UncheckedIOException("cannot start the local monitoring", e);
        }
    }

    /** Rewrites the scrape targets: Prometheus reads the file again within its refresh interval. */
    public void scrape(Collection<ServiceInstance> instances) {
        try {
            writeTargets(targetsFile, instances);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + targetsFile, e);
        }
    }

    private static void writeTargets(Path file, Collection<ServiceInstance> instances) throws IOException {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ServiceInstance instance : instances) {
            groups.add(Map.of("targets", List.of("127.0.0.1:" + instance.port()), "labels", Map.of("service_instance", instance.name())));
        }
        Path written = file.resolveSibling(file.getFileName() + ".new");
        Files.writeString(written, JSON.writeValueAsString(groups));
        Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LocalMonitoring.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (String ready : List.of(prometheusUrl() + "/-/ready", alertmanagerUrl() + "/-/ready")) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || !Polling.until(left, POLL, () -> status(ready) == 200, () -> !prometheus.isAlive() || !alertmanager.isAlive())) {
                close();
                throw new IllegalStateException("the local monitoring did not become ready within " + timeout + " (" + ready + "): "
                        + prometheus.logTail(10) + "\n" + alertmanager.logTail(10));
            }
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public String prometheusUrl() {
        return "http://127.0.0.1:" + prometheusPort;
    }

    public String alertmanagerUrl() {
        return "http://127.0.0.1:" + alertmanagerPort;
    }

    public LocalPager pager() {
        return pager;
    }

    /** The value of an instant PromQL query now, when it has exactly one sample; empty otherwise (none, several, or no answer). */
    public OptionalDouble query(String promql) {
        return result(promql).filter(result -> result.size() == 1)
                .map(result -> OptionalDouble.of(Double.parseDouble(result.get(0).path("value").get(1).asText())))
                .orElse(OptionalDouble.empty());
    }

    /** Whether Prometheus answered the instant query with no sample at all (not: failed to answer). */
    public boolean answersNothing(String promql) {
        return result(promql).map(JsonNode::isEmpty).orElse(false);
    }

    private java.util.Optional<JsonNode> result(String promql) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(prometheusUrl() + "/api/v1/query?query="
                    + URLEncoder.encode(promql, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(answer.body());
            if (answer.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(body.path("data").path("result"));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /** An acknowledgement: the silence Alertmanager holds for it, and when Alertmanager accepted it. */
    public record Acknowledgement(String silenceId, Instant at) {
    }

    /**
     * Acknowledges an alert as the on-call does: a silence in Alertmanager on its alert name and instance, for
     * {@code duration}, by the harness. Returns when Alertmanager accepted it.
     */
    public Acknowledgement acknowledge(LocalPager.Page page, Duration duration) {
        Instant now = Instant.now();
        List<Map<String, Object>> matchers = new ArrayList<>();
        matchers.add(Map.of("name", "alertname", "value", page.alertName(), "isRegex", false, "isEqual", true));
        if (!page.instance().isEmpty()) {
            matchers.add(Map.of("name", "instance", "value", page.instance(), "isRegex", false, "isEqual", true));
        }
        try {
            String body = JSON.writeValueAsString(Map.of("matchers", matchers, "startsAt", now.toString(), "endsAt", now.plus(duration).toString(),
                    "createdBy", "launch-verification harness (on call)", "comment", "acknowledged; runbook " + page.runbook()));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(alertmanagerUrl() + "/api/v2/silences"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Alertmanager refused the acknowledgement: " + answer.statusCode() + " " + answer.body());
            }
            return new Acknowledgement(JSON.readTree(answer.body()).path("silenceID").asText(), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Alertmanager", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted acknowledging an alert", e);
        }
    }

    /** Expires an acknowledgement's silence (the incident is closed): the same alert pages again when it fires again. */
    public void expire(Acknowledgement acknowledgement) {
        if (acknowledgement.silenceId().isEmpty()) {
            return;
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(alertmanagerUrl() + "/api/v2/silence/"
                    + URLEncoder.encode(acknowledgement.silenceId(), StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(5)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Alertmanager did not expire the silence " + acknowledgement.silenceId() + ": "
                        + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach Alertmanager", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted expiring a silence", e);
        }
    }

    /** Whether Prometheus holds the alert firing now (any instance); false when Prometheus does not answer. */
    public boolean firing(String alertName) {
        return result("ALERTS{alertname=\"" + alertName + "\",alertstate=\"firing\"}").map(r -> !r.isEmpty()).orElse(false);
    }

    /** Whether Prometheus answers queries now. */
    public boolean prometheusAnswers() {
        return result("vector(1)").isPresent();
    }

    /** Waits until Prometheus scrapes {@code count} instances of the service, all up; false when it does not within {@code timeout}. */
    public boolean awaitScraped(int count, Duration timeout) {
        return Polling.until(timeout, POLL, () -> query("count(up{job=\"chatbot\"} == 1)").orElse(0) == count);
    }

    /** The names of the alerting rules Prometheus has loaded (empty when it does not answer). */
    public List<String> loadedRules() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(prometheusUrl() + "/api/v1/rules?type=alert"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            List<String> names = new ArrayList<>();
            JSON.readTree(answer.body()).path("data").path("groups").forEach(group -> group.path("rules")
                    .forEach(rule -> names.add(rule.path("name").asText())));
            return names;
        } catch (IOException | RuntimeException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /**
     * Removes one alerting rule from Prometheus (the rules file rewritten without it, Prometheus reloaded with SIGHUP), for a
     * self-test of a missed alert; closing the handle puts the rules back. Returns once Prometheus has loaded the change.
     */
    public AutoCloseable withoutRule(String alertName) {
        try {
            String original = Files.readString(rulesFile);
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            ObjectNode rules = (ObjectNode) yaml.readTree(original);
            boolean removed = false;
            for (JsonNode group : rules.path("groups")) {
                ArrayNode list = (ArrayNode) group.path("rules");
                for (int i = list.size() - 1; i >= 0; i--) {
                    if (alertName.equals(list.get(i).path("alert").asText())) {
                        list.remove(i);
                        removed = true;
                    }
                }
            }
            if (!removed) {
                throw new IllegalArgumentException("no alerting rule named " + alertName + " in " + rulesFile);
            }
            reload(yaml.writeValueAsString(rules), names -> !names.contains(alertName));
            return () -> reload(original, names -> names.contains(alertName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + rulesFile, e);
        }
    }

    private void reload(String rules, Predicate<List<String>> loaded) throws IOException {
        Files.writeString(rulesFile, rules);
        prometheus.signal("HUP");
        if (!Polling.until(Duration.ofSeconds(15), POLL, () -> loaded.test(loadedRules()))) {
            throw new IllegalStateException("Prometheus did not load the rewritten rules within 15 s: " + prometheus.logTail(5));
        }
    }

    /** Stops Prometheus and Alertmanager by their PIDs, and the pager. */
    @Override
    public void close() {
        prometheus.stop(Duration.ofSeconds(5));
        alertmanager.stop(Duration.ofSeconds(5));
        pager.close();
    }
}

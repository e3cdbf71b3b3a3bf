package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import org.faithbot.verification.catalogue.SpecScenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the harness calls in AWS and which scenarios change their target, as data: the resource
 * {@code policy/harness-aws-calls.yaml}, the one place the policy rules (and HarnessAwsCallsTest, against the
 * drivers' sources) read it from.
 */
public final class HarnessAwsCalls {

    static final String RESOURCE = "policy/harness-aws-calls.yaml";

    /**
     * One AWS call as IAM authorises it: the action, the resource kind it is made on, the service it goes through (kms),
     * the property that opts in to it, whether it is authorised on the way of another call (no SDK call of its own).
     */
    public record Call(String action, String resource, String via, String optIn, boolean implicit) {

        public String describe() {
            return action + " on " + resource + (via.isEmpty() ? "" : " via " + via);
        }
    }

    /** A driver of the harness: the scenarios that use it, its sources, its calls. */
    public record Driver(String name, String selectedBy, List<String> sources, List<Call> calls) {

        /** Whether a run selecting these scenarios uses the driver (the every-remote-run entry is used by every run). */
        public boolean usedBy(Collection<SpecScenario> selected) {
            if (selectedBy.isEmpty()) {
                return true;
            }
            Expression expression = TagExpressionParser.parse(selectedBy);
            return selected.stream().anyMatch(s -> expression.evaluate(List.copyOf(s.tags())));
        }
    }

    /** Scenarios that change their target: by tag expression, or every scenario of a feature file. */
    public record Change(String selectedBy, String feature, String why) {

        public boolean matches(SpecScenario scenario) {
            if (!feature.isEmpty()) {
                return scenario.uri().equals(feature) || scenario.uri().endsWith("/" + feature);
            }
            return TagExpressionParser.parse(selectedBy).evaluate(List.copyOf(scenario.tags()));
        }

        public String describe() {
            return (feature.isEmpty() ? selectedBy : feature) + " (" + why + ")";
        }
    }

    private final Map<String, List<String>> resources;
    private final Driver everyRemoteRun;
    private final List<Driver> drivers;
    private final List<Change> changes;

    private HarnessAwsCalls(Map<String, List<String>> resources, Driver everyRemoteRun, List<Driver> drivers, List<Change> changes) {
        this.resources = resources;
        this.everyRemoteRun = everyRemoteRun;
        this.drivers = drivers;
        this.changes = changes;
    }

    public static HarnessAwsCalls load() {
        try (InputStream in = HarnessAwsCalls.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path");
            }
            return of(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static HarnessAwsCalls of(JsonNode root) {
        Map<String, List<String>> resources = new LinkedHashMap<>();
        root.path("resources").fields().forEachRemaining(e -> {
            List<String> references = new ArrayList<>();
            e.getValue().forEach(r -> references.add(r.asText()));
            resources.put(e.getKey(), List.copyOf(references));
        });
        Driver every = driver(root.path("every-remote-run"), resources);
        List<Driver> drivers = new ArrayList<>();
        root.path("drivers").forEach(d -> drivers.add(driver(d, resources)));
        List<Change> changes = new ArrayList<>();
        root.path("changes-the-target").forEach(c -> changes.add(new Change(c.path("selected-by").asText(""), c.path("feature").asText(""),
                c.path("why").asText(""))));
        return new HarnessAwsCalls(Map.copyOf(resources), every, List.copyOf(drivers), List.copyOf(changes));
    }

    private static Driver driver(JsonNode node, Map<String, List<String>> resources) {
        List<String> sources = new ArrayList<>();
        node.path("sources").forEach(s -> sources.add(s.asText()));
        List<Call> calls = new ArrayList<>();
        for (JsonNode c : node.path("calls")) {
            Call call = new Call(c.path("action").asText(), c.path("resource").asText("any"), c.path("via").asText(""), c.path("opt-in").asText(""),
                    c.path("implicit").asBoolean(false));
            if (!resources.containsKey(call.resource())) {
                throw new IllegalStateException(RESOURCE + ": " + call.action() + " is made on '" + call.resource() + "', which resources: does not name");
            }
            calls.add(call);
        }
        String selectedBy = node.path("selected-by").asText("");
        if (!selectedBy.isEmpty()) {
            TagExpressionParser.parse(selectedBy); // fails early on a malformed expression
        }
        return new Driver(node.path("name").asText(), selectedBy, List.copyOf(sources), List.copyOf(calls));
    }

    /** How terraform/modules/github-oidc writes the resources of that kind in a statement. */
    public List<String> references(String resourceKind) {
        return resources.getOrDefault(resourceKind, List.of());
    }

    public Driver everyRemoteRun() {
        return everyRemoteRun;
    }

    public List<Driver> drivers() {
        return drivers;
    }

    /** Every driver's entry, the remote target's first. */
    public List<Driver> allDrivers() {
        List<Driver> all = new ArrayList<>();
        all.add(everyRemoteRun);
        all.addAll(drivers);
        return all;
    }

    public List<Change> changes() {
        return changes;
    }

    /** The drivers a remote run selecting these scenarios uses, the remote target first. */
    public List<Driver> usedBy(Collection<SpecScenario> selected) {
        return allDrivers().stream().filter(d -> d.usedBy(selected)).toList();
    }

    /** The calls of a driver a run makes, given the -D properties set to true on its command line (opt-in calls). */
    public static List<Call> callsMade(Driver driver, Set<String> trueProperties) {
        return driver.calls().stream().filter(c -> c.optIn().isEmpty() || trueProperties.contains(c.optIn())).toList();
    }
}

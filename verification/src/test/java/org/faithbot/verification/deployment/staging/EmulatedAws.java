package org.faithbot.verification.deployment.staging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The AWS API the staging deployment driver talks to in its rehearsal: moto's server behind a WireMock proxy on
 * loopback. Every call goes to moto, which keeps the state and validates the names and the parameters, except where
 * moto 5.2.1 does not emulate what the driver waits for; there a named stub answers in the shape of the real API:
 * <ul>
 *   <li>{@value #ROLLOUT}: ECS DescribeServices, moto's answer with the deployments ECS would show (moto keeps its
 *       first deployment, on the first task definition, for ever): after the service's task definition changes, the
 *       new deployment IN_PROGRESS beside the old one for {@value #POLLS_IN_PROGRESS} looks, then COMPLETED alone;</li>
 *   <li>{@value #LIFECYCLE}: CodeDeploy GetDeployment, moto's answer with the status CodeDeploy would reach
 *       (moto leaves every deployment "Created"): InProgress for {@value #POLLS_IN_PROGRESS} looks, then Succeeded, or
 *       Stopped with a rollback deployment once stopped; and its times as the API writes them, epoch seconds (moto
 *       writes ISO strings, which the AWS SDK refuses);</li>
 *   <li>{@value #STOP}: CodeDeploy StopDeployment, which moto does not have;</li>
 *   <li>{@value #ROLLBACK}: CodeDeploy GetDeployment of the rollback deployment a stop started (moto never made it).</li>
 * </ul>
 * {@link #callsByHandler()} lists which calls each answered, so a report can say what was stubbed.
 */
public final class EmulatedAws implements AutoCloseable {

    public static final String MOTO = "moto";
    public static final String ROLLOUT = "moto, with ECS's rollout emulated";
    public static final String LIFECYCLE = "moto, with CodeDeploy's deployment lifecycle emulated";
    public static final String STOP = "stub: CodeDeploy StopDeployment (not in moto)";
    public static final String ROLLBACK = "stub: CodeDeploy GetDeployment of a rollback deployment (not in moto)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    private static final String CODE_DEPLOY = "CodeDeploy_20141006.";

    /** How many looks a rollout or a deployment stays in progress. */
    static final int POLLS_IN_PROGRESS = 2;

    /** Stopped deployments and the rollback deployment each started. */
    private final Map<String, String> rollbacks = new ConcurrentHashMap<>();
    private final AtomicInteger rollbackIds = new AtomicInteger();
    /** Every rollback deployment a stop started, kept across resets for {@link #callsByHandler()}. */
    private final Set<String> rollbackDeployments = ConcurrentHashMap.newKeySet();
    private final WireMockServer proxy;
    private final Rollout rollout;
    private final Lifecycle lifecycle;

    EmulatedAws(URI moto) {
        rollout = new Rollout();
        lifecycle = new Lifecycle();
        // the transformers keep state per service and deployment: one instance of this class per moto, reset with it
        proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(rollout, lifecycle, new Stop()));
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(10).withName(MOTO).willReturn(aResponse().proxiedFrom(moto.toString())));
        proxy.stubFor(call(ECS + "DescribeServices").atPriority(5).withName(ROLLOUT)
                .willReturn(aResponse().proxiedFrom(moto.toString()).withTransformers(Rollout.NAME)));
        proxy.stubFor(call(CODE_DEPLOY + "GetDeployment").atPriority(5).withName(LIFECYCLE)
                .willReturn(aResponse().proxiedFrom(moto.toString()).withTransformers(Lifecycle.NAME)));
        proxy.stubFor(call(CODE_DEPLOY + "StopDeployment").atPriority(1).withName(STOP)
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withTransformers(Stop.NAME)));
    }

    URI endpoint() {
        return URI.create(proxy.baseUrl());
    }

    /** Which operations each handler answered, in the order of its name: {handler: {operation: calls}}. */
    public Map<String, Map<String, Integer>> callsByHandler() {
        Map<String, Map<String, Integer>> calls = new TreeMap<>();
        for (ServeEvent event : proxy.getAllServeEvents()) {
            String handler = event.getStubMapping() == null || event.getStubMapping().getName() == null ? "unmatched"
                    : event.getStubMapping().getName();
            if (LIFECYCLE.equals(handler) && rollbackDeployments.contains(requested(event, "deploymentId"))) {
                handler = ROLLBACK;
            }
            calls.computeIfAbsent(handler, h -> new TreeMap<>()).merge(operation(event), 1, Integer::sum);
        }
        return calls;
    }

    /** The calls that did not reach moto's own answer unchanged, in words, one per line. */
    public String describeStubbed() {
        StringBuilder text = new StringBuilder();
        callsByHandler().forEach((handler, operations) -> {
            if (!MOTO.equals(handler)) {
                text.append(handler).append(": ").append(operations).append('\n');
            }
        });
        return text.toString();
    }

    @Override
    public void close() {
        proxy.stop();
    }

    private static MappingBuilder call(String target) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
    }

    private static String operation(ServeEvent event) {
        String target = event.getRequest().getHeader("X-Amz-Target");
        return target == null ? event.getRequest().getMethod() + " " + event.getRequest().getUrl() : target.substring(target.indexOf('.') + 1);
    }

    private static String requested(ServeEvent event, String field) {
        try {
            return JSON.readTree(event.getRequest().getBodyAsString()).path(field).asText();
        } catch (IOException e) {
            return "";
        }
    }

    /** Forgets every rollout, deployment and stop: for a moto whose state was reset. */
    void reset() {
        rollout.rollouts.clear();
        lifecycle.looks.clear();
        rollbacks.clear();
    }

    private static long epochSeconds(String isoTime) {
        TemporalAccessor time = DateTimeFormatter.ISO_DATE_TIME.parse(isoTime.replace(' ', 'T'));
        return time.isSupported(ChronoField.OFFSET_SECONDS) ? OffsetDateTime.from(time).toEpochSecond()
                : LocalDateTime.from(time).toEpochSecond(ZoneOffset.UTC);
    }

    private static Response json(Response like, int status, JsonNode body) {
        List<HttpHeader> headers = like.getHeaders().all().stream()
                .filter(h -> !h.keyEquals("Content-Length") && !h.keyEquals("Transfer-Encoding") && !h.keyEquals("Content-Encoding")).toList();
        return Response.Builder.like(like).but().status(status).headers(new HttpHeaders(headers)).body(body.toString()).build();
    }

    private static JsonNode read(Response response) {
        try {
            return JSON.readTree(response.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException("moto answered what is not JSON: " + response.getBodyAsString(), e);
        }
    }

    /** A transformer named in the stubs that use it, applied only where a stub names it. */
    private abstract static class NamedStub implements ResponseTransformerV2 {
        private final String name;

        NamedStub(String name) {
            this.name = name;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** A service on the ECS deployment controller rolls out onto its current task definition: in progress, then completed. */
    private final class Rollout extends NamedStub {
        static final String NAME = "ecs-rollout";

        Rollout() {
            super(NAME);
        }

        /** Per service: the task definition it rolls out, the one it replaces (null: none), and the looks since it changed. */
        private final Map<String, Object[]> rollouts = new ConcurrentHashMap<>();

        @Override
        public Response transform(Response response, ServeEvent event) {
            if (response.getStatus() != 200) {
                return response;
            }
            JsonNode body = read(response);
            for (JsonNode service : body.path("services")) {
                if (!"ECS".equals(service.path("deploymentController").path("type").asText("ECS"))) {
                    continue;
                }
                String taskDefinition = service.path("taskDefinition").asText();
                Object[] rollout = rollouts.compute(service.path("serviceArn").asText(), (arn, was) -> was == null
                        ? new Object[] {taskDefinition, null, 0} : was[0].equals(taskDefinition) ? was : new Object[] {taskDefinition, was[0], 0});
                rollout[2] = (Integer) rollout[2] + 1;
                boolean inProgress = rollout[1] != null && (Integer) rollout[2] <= POLLS_IN_PROGRESS;
                int desired = service.path("desiredCount").asInt();
                ArrayNode deployments = JSON.createArrayNode().add(deployment(taskDefinition, "PRIMARY", inProgress ? "IN_PROGRESS" : "COMPLETED",
                        desired, inProgress ? desired / 2 : desired));
                if (inProgress) {
                    deployments.add(deployment((String) rollout[1], "ACTIVE", "COMPLETED", desired, desired - desired / 2));
                }
                ((ObjectNode) service).put("runningCount", desired).put("pendingCount", 0);
                ((ObjectNode) service).set("deployments", deployments);
            }
            return json(response, 200, body);
        }

        private static ObjectNode deployment(String taskDefinition, String status, String rolloutState, int desired, int running) {
            return JSON.createObjectNode()
                    .put("id", "ecs-svc/" + Integer.toUnsignedString(taskDefinition.hashCode()))
                    .put("status", status).put("taskDefinition", taskDefinition)
                    .put("desiredCount", desired).put("runningCount", running).put("pendingCount", desired - running).put("failedTasks", 0)
                    .put("rolloutState", rolloutState).put("rolloutStateReason", "ECS deployment " + rolloutState.toLowerCase(java.util.Locale.ROOT) + ".");
        }
    }

    /** A CodeDeploy deployment has succeeded, or, once stopped, is Stopped with its rollback deployment succeeded. */
    private final class Lifecycle extends NamedStub {
        static final String NAME = "codedeploy-lifecycle";

        Lifecycle() {
            super(NAME);
        }

        private final Map<String, AtomicInteger> looks = new ConcurrentHashMap<>();

        @Override
        public Response transform(Response response, ServeEvent event) {
            String id = requested(event, "deploymentId");
            if (rollbacks.containsValue(id)) {
                ObjectNode info = JSON.createObjectNode().put("deploymentId", id).put("status", "Succeeded").put("creator", "codeDeployRollback");
                return json(response, 200, JSON.createObjectNode().set("deploymentInfo", info));
            }
            if (response.getStatus() != 200) {
                return response;
            }
            JsonNode body = read(response);
            ObjectNode info = (ObjectNode) body.path("deploymentInfo");
            String rollback = rollbacks.get(id);
            if (rollback == null) {
                info.put("status", looks.computeIfAbsent(id, d -> new AtomicInteger()).incrementAndGet() <= POLLS_IN_PROGRESS ? "InProgress" : "Succeeded");
            } else {
                info.put("status", "Stopped");
                info.set("rollbackInfo", JSON.createObjectNode().put("rollbackDeploymentId", rollback)
                        .put("rollbackMessage", "Deployment " + id + " was stopped; rollback deployment " + rollback + " started"));
            }
            info.remove(List.of("errorInformation", "previousRevision", "relatedDeployments"));
            for (String time : List.of("createTime", "startTime", "completeTime")) {
                if (info.path(time).isTextual()) {
                    info.put(time, epochSeconds(info.path(time).asText()));
                } else {
                    info.remove(time);
                }
            }
            return json(response, 200, body);
        }
    }

    /** StopDeployment with automatic rollback: the deployment is stopped and a rollback deployment starts. */
    private final class Stop extends NamedStub {
        static final String NAME = "codedeploy-stop";

        Stop() {
            super(NAME);
        }

        @Override
        public Response transform(Response response, ServeEvent event) {
            String id = requested(event, "deploymentId");
            rollbackDeployments.add(rollbacks.computeIfAbsent(id, d -> "d-ROLLBACK" + rollbackIds.incrementAndGet()));
            return json(response, 200, JSON.createObjectNode().put("status", "Pending")
                    .put("statusMessage", "Stop of " + id + " requested; automatic rollback " + rollbacks.get(id)));
        }
    }
}

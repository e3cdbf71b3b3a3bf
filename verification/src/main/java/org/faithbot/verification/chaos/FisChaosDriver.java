package org.faithbot.verification.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.fis.model.AccountTargeting;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateStopConditionInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateTargetInput;
import software.amazon.awssdk.services.fis.model.EmptyTargetResolutionMode;
import software.amazon.awssdk.services.fis.model.Experiment;
import software.amazon.awssdk.services.fis.model.ExperimentStatus;
import software.amazon.awssdk.services.fis.model.ExperimentTemplate;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateTargetInputFilter;
import software.amazon.awssdk.services.fis.model.ListExperimentTemplatesResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The AWS FIS driver: the experiment's FIS template (the one terraform/modules/fis built from the
 * same file, found by its ExperimentId tag; or, when allowed, created here from the file the same
 * way), checked against the guard rails ({@link FisGuardrails}) before anything starts; then started,
 * polled, and stopped if it is still running when the engine rolls it back. FIS itself stops the
 * experiment when a stop-condition alarm fires; the driver reports that as the stop condition hit.
 * Every state the experiment went through is kept for the evidence.
 */
public final class FisChaosDriver implements ChaosDriver {

    static final Set<ExperimentStatus> TERMINAL = EnumSet.of(ExperimentStatus.COMPLETED, ExperimentStatus.STOPPED,
            ExperimentStatus.FAILED, ExperimentStatus.CANCELLED);

    /**
     * @param namePrefix      the environment's resource name prefix (alarms are named {@code <prefix>-<key>},
     *                        templates {@code <prefix>-<experiment id>}); may be null
     * @param roleArn         the FIS role, to create a missing template (null: never create)
     * @param createTemplates whether a missing template may be created from the experiment file
     * @param pollInterval    how often GetExperiment is called
     * @param runId           tags the experiments this game day starts
     */
    public record Settings(String namePrefix, String roleArn, boolean createTemplates, Duration pollInterval, String runId) {
    }

    private final FisClient fis;
    private final AlarmStates alarms;
    private final Settings settings;
    private final Map<String, ExperimentTemplate> templates = new LinkedHashMap<>();

    public FisChaosDriver(FisClient fis, AlarmStates alarms, Settings settings) {
        this.fis = fis;
        this.alarms = alarms;
        this.settings = settings;
    }

    @Override
    public String target() {
        return "staging";
    }

    @Override
    public void prepare(org.faithbot.verification.chaos.Experiment experiment) {
        if (experiment.fis() == null) {
            throw new NotRunnable("experiment " + experiment.id() + " has no AWS FIS template (it runs on the local target only)");
        }
        ExperimentTemplate template = findTemplate(experiment.id()).orElseGet(() -> createTemplate(experiment));
        List<String> violations = FisGuardrails.violations(template, alarms);
        if (!violations.isEmpty()) {
            throw new GuardrailViolation(experiment.id(), violations);
        }
        templates.put(experiment.id(), template);
    }

    /** The template tagged with the experiment's id (and, with a name prefix, named after it), with its details. */
    public Optional<ExperimentTemplate> findTemplate(String experimentId) {
        List<ExperimentTemplateSummary> matching = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListExperimentTemplatesResponse page = fis.listExperimentTemplates(r -> r.maxResults(100).nextToken(next));
            page.experimentTemplates().stream().filter(t -> experimentId.equals(t.tags().get("ExperimentId"))).forEach(matching::add);
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        if (settings.namePrefix() != null && !settings.namePrefix().isBlank()) {
            String name = settings.namePrefix() + "-" + experimentId;
            List<ExperimentTemplateSummary> named = matching.stream().filter(t -> name.equals(t.tags().get("Name"))).toList();
            if (!named.isEmpty()) {
                matching = named;
            }
        }
        if (matching.size() > 1) {
            throw new IllegalStateException(matching.size() + " FIS templates are tagged ExperimentId=" + experimentId + ": "
                    + matching.stream().map(ExperimentTemplateSummary::id).toList() + "; give -Dstaging.name-prefix to choose");
        }
        return matching.stream().findFirst().map(t -> fis.getExperimentTemplate(r -> r.id(t.id())).experimentTemplate());
    }

    /** Creates the template from the experiment file, as terraform/modules/fis would (opt-in tag on every target, alarm stop conditions). */
    ExperimentTemplate createTemplate(org.faithbot.verification.chaos.Experiment experiment) {
        if (!settings.createTemplates() || settings.roleArn() == null || settings.roleArn().isBlank()) {
            throw new NotRunnable("no FIS experiment template is tagged ExperimentId=" + experiment.id()
                    + " (terraform/modules/fis builds them: apply the environment with chaos_enabled = true, or allow -Dchaos.fis.create-templates=true with -Dchaos.fis.role-arn)");
        }
        List<String> names = experiment.fis().stopConditionAlarms().stream().map(this::alarmName).toList();
        Map<String, AlarmStates.Alarm> found = alarms.describe(names);
        List<String> missing = names.stream().filter(n -> !found.containsKey(n)).toList();
        if (names.isEmpty() || !missing.isEmpty()) {
            throw new GuardrailViolation(experiment.id(), List.of(names.isEmpty() ? "the experiment file declares no stop condition"
                    : "stop-condition alarms " + missing + " do not exist"));
        }
        return fis.createExperimentTemplate(createRequest(experiment, settings.roleArn(), names.stream().map(n -> found.get(n).arn()).toList(),
                settings.namePrefix())).experimentTemplate();
    }

    private String alarmName(String key) {
        return settings.namePrefix() == null || settings.namePrefix().isBlank() ? key : settings.namePrefix() + "-" + key;
    }

    static CreateExperimentTemplateRequest createRequest(org.faithbot.verification.chaos.Experiment experiment, String roleArn,
                                                         List<String> alarmArns, String namePrefix) {
        Map<String, CreateExperimentTemplateActionInput> actions = new LinkedHashMap<>();
        experiment.fis().actions().properties().forEach(entry -> {
            JsonNode a = entry.getValue();
            List<String> startAfter = new ArrayList<>();
            a.path("startAfter").forEach(s -> startAfter.add(s.asText()));
            actions.put(entry.getKey(), CreateExperimentTemplateActionInput.builder()
                    .actionId(a.path("actionId").asText())
                    .description(a.path("description").isMissingNode() ? null : a.path("description").asText())
                    .parameters(strings(a.path("parameters")))
                    .targets(strings(a.path("targets")))
                    .startAfter(startAfter.isEmpty() ? null : startAfter)
                    .build());
        });
        Map<String, CreateExperimentTemplateTargetInput> targets = new LinkedHashMap<>();
        experiment.fis().targets().properties().forEach(entry -> {
            JsonNode t = entry.getValue();
            Map<String, String> tags = new LinkedHashMap<>(strings(t.path("resourceTags")));
            tags.put(FisGuardrails.OPT_IN_TAG, FisGuardrails.OPT_IN_VALUE);
            List<ExperimentTemplateTargetInputFilter> filters = new ArrayList<>();
            t.path("filters").forEach(f -> {
                List<String> values = new ArrayList<>();
                f.path("values").forEach(v -> values.add(v.asText()));
                filters.add(ExperimentTemplateTargetInputFilter.builder().path(f.path("path").asText()).values(values).build());
            });
            targets.put(entry.getKey(), CreateExperimentTemplateTargetInput.builder()
                    .resourceType(t.path("resourceType").asText())
                    .selectionMode(t.path("selectionMode").asText())
                    .resourceTags(tags)
                    .parameters(t.path("parameters").isObject() ? strings(t.path("parameters")) : null)
                    .filters(filters.isEmpty() ? null : filters)
                    .build());
        });
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Name", (namePrefix == null || namePrefix.isBlank() ? "" : namePrefix + "-") + experiment.id());
        tags.put("ExperimentId", experiment.id());
        tags.put(FisGuardrails.OPT_IN_TAG, FisGuardrails.OPT_IN_VALUE);
        tags.put("DurationMinutes", Long.toString(experiment.fis().maxDuration().toMinutes()));
        tags.put("Criteria", String.join(" ", experiment.criteria()));
        return CreateExperimentTemplateRequest.builder()
                .clientToken(UUID.randomUUID().toString())
                .description(experiment.description().length() > 512 ? experiment.description().substring(0, 512) : experiment.description())
                .roleArn(roleArn)
                .actions(actions)
                .targets(targets)
                .stopConditions(alarmArns.stream().map(arn -> CreateExperimentTemplateStopConditionInput.builder()
                        .source("aws:cloudwatch:alarm").value(arn).build()).toList())
                .experimentOptions(o -> o.accountTargeting(AccountTargeting.SINGLE_ACCOUNT)
                        .emptyTargetResolutionMode(EmptyTargetResolutionMode.FAIL))
                .tags(tags)
                .build();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        return map;
    }

    @Override
    public Duration faultDuration(org.faithbot.verification.chaos.Experiment experiment) {
        return experiment.fis().maxDuration();
    }

    @Override
    public ActiveFault inject(org.faithbot.verification.chaos.Experiment experiment, Observation observation) {
        ExperimentTemplate template = templates.get(experiment.id());
        if (template == null) {
            throw new IllegalStateException("experiment " + experiment.id() + " was not prepared (its guard rails were not checked)");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("ExperimentId", experiment.id());
        tags.put("GameDay", settings.runId());
        Experiment started = fis.startExperiment(r -> r.experimentTemplateId(template.id()).clientToken(UUID.randomUUID().toString()).tags(tags))
                .experiment();
        return new Running(template, started);
    }

    @Override
    public Optional<String> recoveryPending(org.faithbot.verification.chaos.Experiment experiment) {
        return Optional.empty(); // ECS and the ALB heal the service; the probe says when the service is back
    }

    /** An FIS experiment in progress. */
    final class Running implements ActiveFault {

        private final ExperimentTemplate template;
        private final String id;
        private final List<String> events = Collections.synchronizedList(new ArrayList<>());
        private volatile Experiment last;
        private volatile Instant polledAt = Instant.EPOCH;
        private volatile boolean reachedRunning;
        private volatile boolean stoppedByHarness;

        Running(ExperimentTemplate template, Experiment started) {
            this.template = template;
            this.id = started.id();
            record(started);
            FaultSafety.injected(this);
        }

        private void record(Experiment experiment) {
            Experiment previous = last;
            last = experiment;
            if (experiment.state() == null) {
                return;
            }
            if (experiment.state().status() == ExperimentStatus.RUNNING) {
                reachedRunning = true;
            }
            if (previous == null || previous.state() == null || previous.state().status() != experiment.state().status()) {
                events.add(Instant.now() + " FIS experiment " + id + " " + experiment.state().statusAsString()
                        + (experiment.state().reason() == null ? "" : ": " + experiment.state().reason()));
            }
        }

        private Experiment poll(boolean force) {
            if (force || Duration.between(polledAt, Instant.now()).compareTo(settings.pollInterval()) >= 0) {
                polledAt = Instant.now();
                record(fis.getExperiment(r -> r.id(id)).experiment());
            }
            return last;
        }

        private ExperimentStatus status() {
            return last.state() == null ? null : last.state().status();
        }

        @Override
        public String description() {
            return "AWS FIS experiment " + id + " of template " + template.id() + " (" + template.description() + ")";
        }

        @Override
        public Optional<String> stopConditionHit() {
            poll(false);
            if (status() == ExperimentStatus.STOPPED && !stoppedByHarness) {
                return Optional.of("FIS stopped the experiment (a stop-condition alarm fired): " + last.state().reason());
            }
            return Optional.empty();
        }

        @Override
        public boolean finished() {
            return TERMINAL.contains(status());
        }

        @Override
        public Optional<String> notInjected() {
            if (status() == ExperimentStatus.FAILED || status() == ExperimentStatus.CANCELLED || !reachedRunning && status() != ExperimentStatus.COMPLETED) {
                return Optional.of("FIS experiment " + id + " ended " + last.state().statusAsString()
                        + (reachedRunning ? "" : " without running") + (last.state().reason() == null ? "" : ": " + last.state().reason()));
            }
            return Optional.empty();
        }

        @Override
        public synchronized void rollback() {
            try {
                poll(true);
                if (!TERMINAL.contains(status())) {
                    stoppedByHarness = true;
                    events.add(Instant.now() + " the harness stops FIS experiment " + id);
                    fis.stopExperiment(r -> r.id(id));
                    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
                    while (!TERMINAL.contains(status()) && Instant.now().isBefore(deadline)) {
                        ChaosEngine.sleep(settings.pollInterval());
                        poll(true);
                    }
                }
            } finally {
                FaultSafety.rolledBack(this);
            }
        }

        @Override
        public List<String> events() {
            return List.copyOf(events);
        }

        @Override
        public Map<String, String> facts() {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("FIS experiment id", id);
            facts.put("FIS experiment template id", template.id());
            facts.put("FIS final state", last.state() == null ? "unknown" : last.state().statusAsString());
            if (last.state() != null && last.state().reason() != null) {
                facts.put("FIS final state reason", last.state().reason());
            }
            List<String> states = new ArrayList<>();
            for (Iterator<String> it = events.iterator(); it.hasNext(); ) {
                states.add(it.next());
            }
            facts.put("FIS states", String.join(" | ", states));
            return facts;
        }
    }
}

package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The game day's staging experiments (NFR-AVAIL-2) can inject what they declare: an experiment of
 * chaos-experiments/ using an FIS {@code aws:ecs:task-*} action runs SSM documents inside the task, which
 * AWS FIS's guide ("Use the AWS FIS aws:ecs:task actions") makes depend on an SSM agent sidecar in the task
 * definition, a managed-instance role named by MANAGED_INSTANCE_ROLE_NAME, the task role's permission to
 * register the task, and the FIS role's SSM permissions. Without them FIS reports the action "not injected".
 */
final class FaultInjectionRules {

    static final String EXPERIMENTS = "chaos-experiments";
    static final String ECS_MODULE = "modules/ecs-service";
    static final String FIS_MODULE = "modules/fis";
    /** What the FIS role needs for the task actions, per the guide. */
    static final List<String> FIS_ROLE_ACTIONS = List.of("ecs:DescribeTasks", "ssm:SendCommand", "ssm:ListCommands", "ssm:CancelCommand");
    /** What the task role needs so that the sidecar registers the task, per the guide. */
    static final List<String> TASK_ROLE_ACTIONS = List.of("ssm:CreateActivation", "ssm:AddTagsToResource", "iam:PassRole");
    private static final Pattern LOCAL_REF = Pattern.compile("local\\.([A-Za-z0-9_]+)");
    private static final Pattern VAR_REF = Pattern.compile("^\\$\\{var\\.([A-Za-z0-9_]+)}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultInjectionRules() {
    }

    static List<PolicyRule> rules() {
        return List.of(new PolicyRule("fis-task-actions-have-the-ssm-agent", "NFR-AVAIL-2",
                "when an experiment uses an FIS aws:ecs:task-* action, the task definition runs the SSM agent sidecar (the guide's "
                        + "registration script, MANAGED_INSTANCE_ROLE_NAME naming a role trusted by ssm.amazonaws.com), gated with fault "
                        + "injection and pid_mode task, ECS Exec off; the task role may register the task and the FIS role may send SSM commands",
                FaultInjectionRules::taskActionsHaveTheSsmAgent));
    }

    /** An experiment file and the aws:ecs:task-* actions it uses. */
    record TaskActions(String file, List<String> actionIds) {
    }

    static List<TaskActions> taskActions(PolicyInputs in) {
        Path dir = in.file(EXPERIMENTS);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<TaskActions> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                List<String> ids = new ArrayList<>();
                JSON.readTree(file.toFile()).path("fis").path("actions").forEach(action -> {
                    String id = action.path("actionId").asText("");
                    if (id.startsWith("aws:ecs:task-")) {
                        ids.add(id);
                    }
                });
                if (!ids.isEmpty()) {
                    out.add(new TaskActions(EXPERIMENTS + "/" + file.getFileName(), ids));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return out;
    }

    static void taskActionsHaveTheSsmAgent(PolicyInputs in, Check check) {
        List<TaskActions> experiments = taskActions(in);
        check.inspected(EXPERIMENTS + " (" + experiments.size() + " experiments with aws:ecs:task-* actions)");
        if (experiments.isEmpty()) {
            return;
        }
        String because = " (needed by " + experiments.stream().map(e -> e.file() + " " + e.actionIds()).toList() + ")";
        TerraformConfig tf = in.terraform();
        Module ecs = tf.module(ECS_MODULE);
        for (TfBlock task : ecs.resources("aws_ecs_task_definition")) {
            check.inspected(task.address());
            sidecar(ecs, task, because, check);
        }
        for (TfBlock service : ecs.resources("aws_ecs_service")) {
            check.inspected(service.address());
            check.require(!Expr.isLiteralTrue(service.attr("enable_execute_command")) && service.attr("enable_execute_command") != null,
                    service.file(), service.address(), "enable_execute_command",
                    "ECS Exec must be disabled (enable_execute_command = false) for the aws:ecs:task-* actions" + because);
        }
        requireActions(ecs, "task", TASK_ROLE_ACTIONS, "the task role", because, check);
        requireActions(tf.module(FIS_MODULE), "fis", FIS_ROLE_ACTIONS, "the FIS role", because, check);
    }

    private static void sidecar(Module ecs, TfBlock task, String because, Check check) {
        String fault = task.text("enable_fault_injection");
        check.require(!fault.isBlank() && !fault.equals("false"), task.file(), task.address(), "enable_fault_injection",
                "ECS fault injection is never enabled" + because);
        check.require(task.text("pid_mode").contains("\"task\"") || task.text("pid_mode").equals("task"), task.file(), task.address(),
                "pid_mode", "pid_mode must be \"task\" when fault injection is on (the process actions see the task's processes)" + because);
        String definitions = resolved(ecs, task.text("container_definitions"));
        Matcher roleName = Pattern.compile("MANAGED_INSTANCE_ROLE_NAME\"?\\s*,\\s*value\\s*=\\s*aws_iam_role\\.([A-Za-z0-9_]+)").matcher(definitions);
        boolean hasRole = roleName.find();
        check.require(definitions.contains("amazon-ssm-agent") || image(ecs, definitions).contains("amazon-ssm-agent"), task.file(),
                task.address(), "container_definitions", "no SSM agent sidecar (amazon-ssm-agent image) in the task definition" + because);
        check.require(definitions.contains("aws ssm create-activation") && definitions.contains("amazon-ssm-agent -register")
                        && definitions.contains("Key=ECS_TASK_ARN"), task.file(), task.address(), "container_definitions",
                "the sidecar does not run the FIS registration script (create-activation tagged ECS_TASK_ARN, amazon-ssm-agent -register)"
                        + because);
        check.require(Pattern.compile("essential\\s*=\\s*false").matcher(definitions).find(), task.file(), task.address(), "container_definitions",
                "the SSM agent sidecar must not be essential (its failure must not stop the service)" + because);
        if (!check.require(hasRole, task.file(), task.address(), "container_definitions",
                "no MANAGED_INSTANCE_ROLE_NAME naming a managed-instance role (aws_iam_role) in the task definition" + because)) {
            return;
        }
        String role = roleName.group(1);
        Optional<TfBlock> roleBlock = ecs.resource("aws_iam_role", role);
        if (!check.require(roleBlock.isPresent(), task.file(), task.address(), "container_definitions",
                "MANAGED_INSTANCE_ROLE_NAME names aws_iam_role." + role + ", which the module does not define")) {
            return;
        }
        String trust = roleBlock.get().text("assume_role_policy");
        Matcher doc = IamPolicies.DOCUMENT_REF.matcher(trust);
        boolean trustsSsm = doc.find() && ecs.data("aws_iam_policy_document", doc.group(1)).stream()
                .flatMap(d -> IamPolicies.statements(d).stream())
                .anyMatch(s -> s.allows() && s.principals().stream().anyMatch(p -> Expr.texts(p.get("identifiers")).contains("ssm.amazonaws.com")));
        check.require(trustsSsm, roleBlock.get().file(), roleBlock.get().address(), "assume_role_policy",
                "the managed-instance role must be assumable by ssm.amazonaws.com" + because);
        boolean core = ecs.resources("aws_iam_role_policy_attachment").stream()
                .filter(a -> a.text("role").contains("aws_iam_role." + role + "["))
                .anyMatch(a -> a.text("policy_arn").endsWith("policy/AmazonSSMManagedInstanceCore"));
        check.require(core, roleBlock.get().file(), roleBlock.get().address(), "",
                "the managed-instance role needs the AmazonSSMManagedInstanceCore managed policy" + because);
    }

    /** The expression with the text of every local it refers to (and theirs) appended. */
    static String resolved(Module module, String expression) {
        StringBuilder text = new StringBuilder(expression);
        Set<String> seen = new LinkedHashSet<>();
        for (int round = 0; round < 4; round++) {
            Matcher m = LOCAL_REF.matcher(text.toString());
            List<String> added = new ArrayList<>();
            while (m.find()) {
                if (seen.add(m.group(1)) && module.locals().containsKey(m.group(1))) {
                    added.add(Expr.text(module.locals().get(m.group(1))));
                }
            }
            added.forEach(t -> text.append('\n').append(t));
        }
        return text.toString();
    }

    /** The default of the variable an image = var.x refers to, or "". */
    private static String image(Module module, String definitions) {
        Matcher m = Pattern.compile("image\\s*=\\s*var\\.([A-Za-z0-9_]+)").matcher(definitions);
        StringBuilder defaults = new StringBuilder();
        while (m.find()) {
            JsonNode value = module.variableDefault(m.group(1));
            defaults.append(Expr.text(value)).append('\n');
        }
        return defaults.toString();
    }

    private static void requireActions(Module module, String documentName, List<String> needed, String who, String because, Check check) {
        Optional<TfBlock> document = module.data("aws_iam_policy_document", documentName);
        if (!check.require(document.isPresent(), "terraform/" + module.directory(), "data.aws_iam_policy_document." + documentName, "",
                who + "'s policy document is missing")) {
            return;
        }
        check.inspected(document.get().address());
        Set<String> allowed = new LinkedHashSet<>();
        for (IamPolicies.Statement statement : IamPolicies.statements(document.get())) {
            if (statement.allows()) {
                allowed.addAll(Expr.texts(statement.actions()));
            }
        }
        List<String> missing = needed.stream().filter(a -> !allowed.contains(a)).toList();
        check.require(missing.isEmpty(), document.get().file(), document.get().address(), "statement",
                who + " lacks " + missing + because);
    }
}

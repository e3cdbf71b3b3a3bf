package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's Terraform held against the deployment, delivery, monitoring, secrets and recovery
 * criteria: load balancer (AC-1.2), auto scaling (AC-1.3, NFR-SCALE-4), state (AC-2.10), CDN
 * (AC-3.3), alarms (AC-3.5), dashboards (NFR-OPS-1), secrets (AC-4.3), point-in-time recovery
 * (AC-5.1), cross-region backups (AC-5.2) and environment parity (SC-DEPLOY-4).
 */
final class PlatformRules {

    static final Set<String> TLS12_PLUS_ALB_POLICIES = Set.of(
            "ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06", "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
            "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06", "ELBSecurityPolicy-TLS13-1-3-2021-06", "ELBSecurityPolicy-TLS-1-2-2017-01",
            "ELBSecurityPolicy-TLS-1-2-Ext-2018-06", "ELBSecurityPolicy-FS-1-2-2019-08", "ELBSecurityPolicy-FS-1-2-Res-2019-08",
            "ELBSecurityPolicy-FS-1-2-Res-2020-10");
    static final Set<String> TLS12_PLUS_CLOUDFRONT = Set.of("TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.3_2025");
    static final String READINESS = "/actuator/health/readiness";
    static final String TABLES_JSON = "service/src/main/resources/dynamodb/tables.json";
    /** An environment variable that names a secret (its id or ARN) rather than holding it. */
    private static final Pattern SECRET_ID_NAME = Pattern.compile("(?i)secret_?(id|arn)$");
    private static final Pattern MANUAL_ROTATION = Pattern.compile("Rotation\\s*=\\s*\\\\?\"manual");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(secret|password|passwd|token|private|signing|credential|api_?key|access_?key)");
    /** Names that hold a reference to a secret, not the secret: ARNs, names, ids, rotation periods. */
    private static final Pattern SECRET_REFERENCE = Pattern.compile("(?i)(_arns?|_names?|_ids?|_days|_env_name)$");

    private PlatformRules() {
    }

    static List<PolicyRule> rules() {
        List<PolicyRule> rules = new ArrayList<>();
        // AC-1.2
        rules.add(new PolicyRule("alb-spans-two-or-more-availability-zones", "AC-1.2",
                "the load balancer is placed in the public subnets of at least two availability zones (az_count validated >= 2, no environment sets less)",
                PlatformRules::albSpansZones));
        rules.add(new PolicyRule("alb-application-drops-invalid-headers", "AC-1.2",
                "the load balancer is an application load balancer that drops invalid header fields",
                PlatformRules::albApplicationDropsInvalidHeaders));
        rules.add(new PolicyRule("alb-https-listener-tls12-plus", "AC-1.2",
                "TLS terminates at the load balancer: HTTPS on 443 with a certificate and a TLS 1.2+ policy (ELBSecurityPolicy-TLS13-1-2-2021-06)",
                PlatformRules::albHttpsListener));
        rules.add(new PolicyRule("alb-http-redirects-to-https", "AC-1.2",
                "every plain-HTTP listener only answers with a permanent redirect (HTTP_301) to HTTPS 443",
                PlatformRules::albHttpRedirects));
        rules.add(new PolicyRule("alb-health-checks-readiness-probe", "AC-1.2",
                "every target group health-checks the service's readiness probe " + READINESS + " and expects 200",
                PlatformRules::albHealthChecksReadiness));
        rules.add(new PolicyRule("service-runs-two-or-more-tasks", "AC-1.2",
                "the service runs at least two tasks (desired_count and min_capacity validated >= 2, and >= 2 in every environment)",
                PlatformRules::serviceRunsTwoTasks));
        // AC-1.3 and NFR-SCALE-4
        for (String criterion : List.of("AC-1.3", "NFR-SCALE-4")) {
            String suffix = criterion.equals("AC-1.3") ? "" : "-for-demand";
            rules.add(new PolicyRule("autoscaling-bounds-two-to-max" + suffix, criterion,
                    "the service's task count is auto-scaled between a minimum of at least two and a larger maximum in every environment",
                    PlatformRules::autoscalingBounds));
            rules.add(new PolicyRule("autoscaling-tracks-cpu" + suffix, criterion,
                    "a target-tracking policy follows the tasks' average CPU (ECSServiceAverageCPUUtilization)",
                    (in, check) -> targetTracking(in, check, "ECSServiceAverageCPUUtilization")));
            rules.add(new PolicyRule("autoscaling-tracks-requests-per-target" + suffix, criterion,
                    "a target-tracking policy follows the load balancer's requests per task (ALBRequestCountPerTarget)",
                    (in, check) -> targetTracking(in, check, "ALBRequestCountPerTarget")));
        }
        // AC-2.10
        rules.add(new PolicyRule("state-backend-s3-native-locking", "AC-2.10",
                "every environment keeps its state in S3 with native locking (use_lockfile = true), encrypted, without a DynamoDB lock table",
                PlatformRules::stateBackend));
        rules.add(new PolicyRule("state-bucket-versioned-private-encrypted-tls-only", "AC-2.10",
                "the state bucket is versioned (every state revision recoverable), blocks public access, is KMS-encrypted and refuses non-TLS requests",
                PlatformRules::stateBucket));
        // AC-3.3
        rules.add(new PolicyRule("cdn-compresses-and-caches-assets", "AC-3.3",
                "CloudFront compresses every response (gzip and brotli in the cache key) and caches the static assets",
                PlatformRules::cdnCompressesAndCaches));
        rules.add(new PolicyRule("cdn-https-only-tls12", "AC-3.3",
                "every CloudFront behaviour redirects to HTTPS, viewers need TLSv1.2_2021 or later, and origins are reached over HTTPS",
                PlatformRules::cdnHttpsOnly));
        rules.add(new PolicyRule("cdn-private-bucket-behind-origin-access-control", "AC-3.3",
                "the asset bucket is private and readable only by this distribution through origin access control (SigV4, always signed)",
                PlatformRules::cdnOriginAccessControl));
        rules.add(new PolicyRule("cdn-and-alb-behind-waf", "AC-3.3",
                "a WAF web ACL (scope CLOUDFRONT) protects the distribution and a regional one the load balancer",
                PlatformRules::cdnAndAlbBehindWaf));
        // AC-3.5 and NFR-OPS-1
        rules.add(new PolicyRule("alarms-watch-performance-degradation", "AC-3.5",
                "alarms watch p95 latency (threshold <= 3 s), the 5xx rate, unhealthy hosts, ECS CPU and memory and DynamoDB throttling",
                PlatformRules::alarmsWatchDegradation));
        for (String criterion : List.of("AC-3.5", "NFR-OPS-1")) {
            rules.add(new PolicyRule(criterion.equals("AC-3.5") ? "alarms-notify-the-team" : "every-alarm-notifies", criterion,
                    "every CloudWatch alarm notifies the KMS-encrypted SNS alert topic, which has subscribers",
                    PlatformRules::alarmsNotify));
        }
        rules.add(new PolicyRule("four-dashboards", "NFR-OPS-1",
                "the four dashboards of the requirements exist (executive, operations, security, performance), each with its panels "
                        + "(DashboardRules.PANELS) and every metric of the service's namespace made by a metric filter",
                DashboardRules::fourDashboards));
        // AC-4.3
        rules.add(new PolicyRule("secrets-encrypted-and-rotated", "AC-4.3",
                "every secret lives in Secrets Manager, encrypted with the environment's key, with automatic rotation unless tagged Rotation = manual "
                        + "(a key stored data depends on, which never rotates by itself)",
                PlatformRules::secretsEncryptedAndRotated));
        rules.add(new PolicyRule("secret-values-never-in-terraform", "AC-4.3",
                "no secret value is written in Terraform: no secret version with a value, no secret-looking variable default or tfvars entry",
                PlatformRules::secretValuesNotInTerraform));
        rules.add(new PolicyRule("task-secrets-from-secrets-manager", "AC-4.3",
                "the task definition receives its secrets through 'secrets' (valueFrom a Secrets Manager ARN) or reads them by id at runtime; "
                        + "the execution role may read exactly the first, the task role exactly the second",
                PlatformRules::taskSecretsFromSecretsManager));
        rules.add(new PolicyRule("no-secret-in-plain-container-environment", "AC-4.3",
                "no plain environment variable of the container is named like a secret (key, token, password, secret...), but for a secret's id or ARN",
                PlatformRules::noSecretInEnvironment));
        // AC-5.1
        rules.add(new PolicyRule("dynamodb-point-in-time-recovery-enabled", "AC-5.1",
                "every DynamoDB table has point-in-time recovery enabled (point_in_time_recovery { enabled = true })",
                PlatformRules::pitrEnabled));
        rules.add(new PolicyRule("dynamodb-deletion-protection", "AC-5.1",
                "every DynamoDB table is protected against deletion in every environment",
                PlatformRules::deletionProtection));
        // AC-5.2
        rules.add(new PolicyRule("backups-copied-to-the-dr-region", "AC-5.2",
                "every backup rule copies its recovery points to a vault in the DR region (provider aws.dr), encrypted with a DR-region key",
                PlatformRules::backupsCopiedToDr));
        rules.add(new PolicyRule("dr-region-differs-from-primary", "AC-5.2",
                "the DR provider of every environment points at dr_region, and dr_region differs from the primary region",
                PlatformRules::drRegionDiffers));
        rules.add(new PolicyRule("backup-plan-selects-every-table", "AC-5.2",
                "the backup selection covers every table of the dynamodb module",
                PlatformRules::backupSelectsTables));
        // SC-DEPLOY-4
        rules.add(new PolicyRule("tables-from-the-service-definition", "SC-DEPLOY-4",
                "the DynamoDB tables are decoded from " + TABLES_JSON + " (jsondecode(file(...))), the file the service and the local target read",
                PlatformRules::tablesFromServiceDefinition));
        rules.add(new PolicyRule("environments-built-from-one-platform-module", "SC-DEPLOY-4",
                "staging and production are built from the same platform module with the same arguments (only values differ)",
                PlatformRules::environmentsFromOnePlatform));
        return rules;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static void atLeast(PolicyInputs in, Check check, Module module, String variable, double minimum) {
        TerraformConfig tf = in.terraform();
        Optional<TfBlock> declared = module.variable(variable);
        if (!check.require(declared.isPresent(), "terraform/" + module.directory(), "var." + variable, "", "the variable is missing")) {
            return;
        }
        check.inspected(declared.get().file() + " var." + variable);
        OptionalDouble validated = module.validatedMinimum(variable);
        check.require(validated.isPresent() && validated.getAsDouble() >= minimum, declared.get().file(), "var." + variable, "validation",
                "no validation keeps var." + variable + " >= " + fmt(minimum));
        List<TfValues.Value> values = TfValues.reaching(tf, module, variable);
        check.require(!values.isEmpty(), declared.get().file(), "var." + variable, "", "no value reaches var." + variable);
        for (TfValues.Value value : values) {
            check.inspected(value.where());
            OptionalDouble number = value.number();
            check.require(number.isPresent() && number.getAsDouble() >= minimum, value.where(), "var." + variable, "",
                    "sets " + Expr.text(value.value()) + ", below the minimum " + fmt(minimum) + " (or not a known number)");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** A string attribute resolved through variable defaults and every value a caller passes. */
    private static List<String> stringsOf(TerraformConfig tf, TfBlock block, JsonNode value) {
        Optional<String> variable = TfValues.variableOf(value);
        if (variable.isPresent()) {
            return TfValues.reaching(tf, block.module(), variable.get()).stream().map(TfValues.Value::string).toList();
        }
        return List.of(block.module().string(value));
    }

    static JsonNode first(List<JsonNode> blocks) {
        return blocks.isEmpty() ? null : blocks.getFirst();
    }

    // ---- AC-1.2 -----------------------------------------------------------------------------

    static void albSpansZones(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        Module alb = tf.module("modules/alb");
        for (TfBlock lb : alb.resources("aws_lb")) {
            check.inspected(lb.address());
            Optional<String> subnetsVar = TfValues.variableOf(lb.attr("subnets"));
            if (!check.require(subnetsVar.isPresent(), lb.file(), lb.address(), "subnets", "subnets must come from the module's caller (var.*)")) {
                continue;
            }
            List<TfBlock> calls = tf.callsTo(alb.directory());
            check.require(!calls.isEmpty(), lb.file(), lb.address(), "subnets", "modules/alb is not used by any module");
            for (TfBlock call : calls) {
                String passed = call.text(subnetsVar.get());
                Optional<TfValues.Output> output = TfValues.moduleOutput(tf, call.module(), passed);
                if (!check.require(output.isPresent(), call.file(), call.address(), subnetsVar.get(),
                        "the subnets must be a network module output, not " + passed)) {
                    continue;
                }
                Module network = output.get().module();
                Optional<String> subnetName = TfValues.resourceName("aws_subnet", output.get().valueText());
                if (!check.require(subnetName.isPresent(), output.get().output().file(), output.get().output().address(), "value",
                        "the output does not list aws_subnet resources")) {
                    continue;
                }
                Optional<TfBlock> subnet = network.resource("aws_subnet", subnetName.get());
                if (!check.require(subnet.isPresent(), output.get().output().file(), "aws_subnet." + subnetName.get(), "", "no such subnet")) {
                    continue;
                }
                check.require(subnet.get().text("availability_zone").contains("count.index"), subnet.get().file(), subnet.get().address(),
                        "availability_zone", "each subnet must sit in its own zone (indexed by count.index)");
                Optional<String> countVar = TfValues.variableOf(subnet.get().attr("count"));
                if (check.require(countVar.isPresent(), subnet.get().file(), subnet.get().address(), "count",
                        "the number of subnets must be the zone count variable")) {
                    atLeast(in, check, network, countVar.get(), 2);
                }
            }
        }
    }

    static void albApplicationDropsInvalidHeaders(PolicyInputs in, Check check) {
        for (TfBlock lb : in.terraform().resources("aws_lb")) {
            check.inspected(lb.address());
            String type = lb.text("load_balancer_type");
            check.require(type.isEmpty() || type.equals("application"), lb.file(), lb.address(), "load_balancer_type",
                    "must be application, not " + type);
            check.require(Expr.isLiteralTrue(lb.attr("drop_invalid_header_fields")), lb.file(), lb.address(), "drop_invalid_header_fields",
                    "must be true (requests with invalid headers reach the service otherwise)");
        }
    }

    static void albHttpsListener(PolicyInputs in, Check check) {
        boolean https443 = false;
        List<TfBlock> listeners = in.terraform().resources("aws_lb_listener");
        for (TfBlock listener : listeners) {
            if (!listener.text("protocol").equals("HTTPS")) {
                continue;
            }
            check.inspected(listener.address());
            String policy = listener.module().string(listener.attr("ssl_policy"));
            check.require(TLS12_PLUS_ALB_POLICIES.contains(policy), listener.file(), listener.address(), "ssl_policy",
                    "'" + policy + "' is not a TLS 1.2+ security policy");
            check.require(listener.attr("certificate_arn") != null, listener.file(), listener.address(), "certificate_arn", "no certificate");
            https443 |= Expr.literalNumber(listener.attr("port")).orElse(0) == 443;
        }
        check.require(https443, "terraform/modules/alb", "aws_lb_listener", "port", "no HTTPS listener on port 443");
    }

    static void albHttpRedirects(PolicyInputs in, Check check) {
        for (TfBlock listener : in.terraform().resources("aws_lb_listener")) {
            if (listener.text("protocol").equals("HTTPS")) {
                continue;
            }
            check.inspected(listener.address());
            JsonNode action = first(listener.blocks("default_action"));
            boolean redirect = action != null && Expr.text(action.get("type")).equals("redirect");
            if (!check.require(redirect, listener.file(), listener.address(), "default_action.type",
                    "a plain " + listener.text("protocol") + " listener must only redirect to HTTPS")) {
                continue;
            }
            JsonNode target = first(TfBlock.blocks(action, "redirect"));
            check.require(target != null && Expr.text(target.get("protocol")).equals("HTTPS") && Expr.text(target.get("port")).equals("443")
                            && Expr.text(target.get("status_code")).equals("HTTP_301"), listener.file(), listener.address(),
                    "default_action.redirect", "the redirect must be HTTPS, port 443, HTTP_301");
        }
    }

    static void albHealthChecksReadiness(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (TfBlock group : tf.resources("aws_lb_target_group")) {
            check.inspected(group.address());
            JsonNode health = first(group.blocks("health_check"));
            if (!check.require(health != null, group.file(), group.address(), "health_check", "no health check")) {
                continue;
            }
            check.require(!Expr.text(health.get("enabled")).equals("false"), group.file(), group.address(), "health_check.enabled",
                    "the health check is disabled");
            for (String path : stringsOf(tf, group, health.get("path"))) {
                check.require(path.equals(READINESS), group.file(), group.address(), "health_check.path",
                        "checks '" + path + "', not the readiness probe " + READINESS);
            }
            check.require(Expr.text(health.get("matcher")).equals("200"), group.file(), group.address(), "health_check.matcher",
                    "must expect 200, not '" + Expr.text(health.get("matcher")) + "'");
        }
    }

    static void serviceRunsTwoTasks(PolicyInputs in, Check check) {
        Module ecs = in.terraform().module("modules/ecs-service");
        for (TfBlock service : ecs.resources("aws_ecs_service")) {
            check.inspected(service.address());
            check.require(TfValues.variableOf(service.attr("desired_count")).filter("desired_count"::equals).isPresent(), service.file(),
                    service.address(), "desired_count", "must be var.desired_count");
        }
        atLeast(in, check, ecs, "desired_count", 2);
        atLeast(in, check, ecs, "min_capacity", 2);
    }

    // ---- AC-1.3 -----------------------------------------------------------------------------

    static void autoscalingBounds(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        Module ecs = tf.module("modules/ecs-service");
        List<TfBlock> targets = ecs.resources("aws_appautoscaling_target");
        check.require(!targets.isEmpty(), "terraform/modules/ecs-service", "aws_appautoscaling_target", "", "no scalable target");
        for (TfBlock target : targets) {
            check.inspected(target.address());
            check.require(target.text("scalable_dimension").equals("ecs:service:DesiredCount"), target.file(), target.address(),
                    "scalable_dimension", "must scale ecs:service:DesiredCount");
            check.require(TfValues.variableOf(target.attr("min_capacity")).filter("min_capacity"::equals).isPresent(), target.file(),
                    target.address(), "min_capacity", "must be var.min_capacity");
            check.require(TfValues.variableOf(target.attr("max_capacity")).filter("max_capacity"::equals).isPresent(), target.file(),
                    target.address(), "max_capacity", "must be var.max_capacity");
        }
        atLeast(in, check, ecs, "min_capacity", 2);
        for (Module environment : tf.environments()) {
            OptionalDouble min = Expr.literalNumber(environment.tfvars().get("min_capacity"));
            OptionalDouble max = Expr.literalNumber(environment.tfvars().get("max_capacity"));
            check.inspected(environment.tfvarsFile());
            check.require(min.isPresent() && max.isPresent() && max.getAsDouble() > min.getAsDouble(), environment.tfvarsFile(),
                    "max_capacity", "", "max_capacity must exceed min_capacity (" + Expr.text(environment.tfvars().get("max_capacity"))
                            + " vs " + Expr.text(environment.tfvars().get("min_capacity")) + ")");
        }
    }

    static void targetTracking(PolicyInputs in, Check check, String metric) {
        TerraformConfig tf = in.terraform();
        boolean found = false;
        for (TfBlock policy : tf.resources("aws_appautoscaling_policy")) {
            for (JsonNode configuration : policy.blocks("target_tracking_scaling_policy_configuration")) {
                JsonNode predefined = first(TfBlock.blocks(configuration, "predefined_metric_specification"));
                if (predefined == null || !Expr.text(predefined.get("predefined_metric_type")).equals(metric)) {
                    continue;
                }
                found = true;
                check.inspected(policy.address());
                check.require(policy.text("policy_type").equals("TargetTrackingScaling"), policy.file(), policy.address(), "policy_type",
                        "must be TargetTrackingScaling");
                check.require(policy.text("resource_id").contains("aws_appautoscaling_target."), policy.file(), policy.address(),
                        "resource_id", "must scale the service's scalable target");
                OptionalDouble value = policy.module().number(configuration.get("target_value"));
                check.require(value.isPresent() && value.getAsDouble() > 0, policy.file(), policy.address(),
                        "target_tracking_scaling_policy_configuration.target_value", "no positive target value");
                if (metric.equals("ALBRequestCountPerTarget")) {
                    check.require(!Expr.text(predefined.get("resource_label")).isEmpty(), policy.file(), policy.address(),
                            "predefined_metric_specification.resource_label", "ALBRequestCountPerTarget needs the load balancer / target group label");
                }
            }
        }
        check.require(found, "terraform/modules/ecs-service", "aws_appautoscaling_policy", "", "no target-tracking policy on " + metric);
    }

    // ---- AC-2.10 ----------------------------------------------------------------------------

    static void stateBackend(PolicyInputs in, Check check) {
        List<Module> environments = in.terraform().environments();
        check.require(!environments.isEmpty(), "terraform/environments", "", "", "no environment");
        for (Module environment : environments) {
            JsonNode s3 = null;
            for (JsonNode settings : environment.terraformSettings()) {
                JsonNode backend = settings.path("backend").path("s3");
                if (backend.isArray() && !backend.isEmpty()) {
                    s3 = backend.get(0);
                }
            }
            String file = environment.settingsFile().isEmpty() ? "terraform/" + environment.directory() : environment.settingsFile();
            if (!check.require(s3 != null, file, "terraform.backend", "s3", "no S3 backend: the state would stay on the runner")) {
                continue;
            }
            check.inspected(file + " backend s3");
            check.require(Expr.isLiteralTrue(s3.get("use_lockfile")), file, "terraform.backend.s3", "use_lockfile",
                    "S3 native locking (use_lockfile = true) is off: concurrent applies could corrupt the state");
            check.require(Expr.isLiteralTrue(s3.get("encrypt")), file, "terraform.backend.s3", "encrypt", "the state is not encrypted");
            check.require(!s3.has("dynamodb_table"), file, "terraform.backend.s3", "dynamodb_table",
                    "a DynamoDB lock table is the deprecated locking; use use_lockfile");
            check.require(Expr.literalString(s3.get("key")).isPresent(), file, "terraform.backend.s3", "key", "no fixed state key");
        }
    }

    static void stateBucket(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        Module bootstrap = tf.module("bootstrap");
        List<TfBlock> buckets = bootstrap.resources("aws_s3_bucket");
        check.require(!buckets.isEmpty(), "terraform/bootstrap", "aws_s3_bucket", "", "no state bucket");
        for (TfBlock bucket : buckets) {
            check.inspected(bucket.address());
            String ref = bucket.address();
            Optional<TfBlock> versioning = forBucket(bootstrap, "aws_s3_bucket_versioning", ref);
            check.require(versioning.map(v -> first(v.blocks("versioning_configuration"))).map(c -> Expr.text(c.get("status")))
                            .filter("Enabled"::equals).isPresent(), bucket.file(),
                    "aws_s3_bucket_versioning for " + ref, "versioning_configuration.status", "versioning must be Enabled");
            Optional<TfBlock> block = forBucket(bootstrap, "aws_s3_bucket_public_access_block", ref);
            for (String flag : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
                check.require(block.map(b -> Expr.isLiteralTrue(b.attr(flag))).orElse(false), bucket.file(),
                        "aws_s3_bucket_public_access_block for " + ref, flag, "must be true");
            }
            Optional<TfBlock> encryption = forBucket(bootstrap, "aws_s3_bucket_server_side_encryption_configuration", ref);
            JsonNode byDefault = encryption.map(e -> first(e.blocks("rule"))).map(r -> first(TfBlock.blocks(r, "apply_server_side_encryption_by_default")))
                    .orElse(null);
            check.require(byDefault != null && Expr.text(byDefault.get("sse_algorithm")).equals("aws:kms") && byDefault.has("kms_master_key_id"),
                    bucket.file(), "aws_s3_bucket_server_side_encryption_configuration for " + ref,
                    "rule.apply_server_side_encryption_by_default", "must encrypt with aws:kms and a key");
            requireTlsOnly(bucket, check);
        }
    }

    /** The bucket's policy (in its module) denies every request made without TLS (aws:SecureTransport = false). */
    static void requireTlsOnly(TfBlock bucket, Check check) {
        Module module = bucket.module();
        Optional<TfBlock> policy = forBucket(module, "aws_s3_bucket_policy", bucket.address());
        boolean tlsOnly = policy.flatMap(p -> Optional.ofNullable(IamPolicies.DOCUMENT_REF.matcher(p.text("policy"))).filter(Matcher::find)
                        .flatMap(m -> module.data("aws_iam_policy_document", m.group(1))))
                .map(d -> IamPolicies.statements(d).stream().anyMatch(s -> !s.allows() && s.conditions().stream()
                        .anyMatch(c -> Expr.text(c.get("variable")).equals("aws:SecureTransport")
                                && Expr.texts(c.get("values")).equals(List.of("false")))))
                .orElse(false);
        check.require(tlsOnly, bucket.file(), "aws_s3_bucket_policy for " + bucket.address(), "policy",
                "the bucket policy must deny requests without TLS (aws:SecureTransport = false)");
    }

    static Optional<TfBlock> forBucket(Module module, String type, String bucketAddress) {
        return module.resources(type).stream().filter(r -> Expr.refersTo(r.text("bucket"), bucketAddress)).findFirst();
    }

    // ---- AC-3.3 -----------------------------------------------------------------------------

    private static List<JsonNode> behaviours(TfBlock distribution) {
        List<JsonNode> out = new ArrayList<>(distribution.blocks("default_cache_behavior"));
        out.addAll(distribution.blocks("ordered_cache_behavior"));
        return out;
    }

    static void cdnCompressesAndCaches(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (TfBlock distribution : tf.resources("aws_cloudfront_distribution")) {
            check.inspected(distribution.address());
            List<JsonNode> behaviours = behaviours(distribution);
            for (JsonNode behaviour : behaviours) {
                check.require(Expr.isLiteralTrue(behaviour.get("compress")), distribution.file(), distribution.address(),
                        "cache_behavior(" + Expr.text(behaviour.get("path_pattern")) + ").compress", "compression is off");
            }
            JsonNode byDefault = first(distribution.blocks("default_cache_behavior"));
            Optional<String> policyName = byDefault == null ? Optional.empty()
                    : TfValues.resourceName("aws_cloudfront_cache_policy", Expr.text(byDefault.get("cache_policy_id")));
            Optional<TfBlock> policy = policyName.flatMap(n -> distribution.module().resource("aws_cloudfront_cache_policy", n));
            if (check.require(policy.isPresent(), distribution.file(), distribution.address(), "default_cache_behavior.cache_policy_id",
                    "the assets must be cached by a cache policy of this configuration")) {
                JsonNode parameters = first(policy.get().blocks("parameters_in_cache_key_and_forwarded_to_origin"));
                check.require(parameters != null && Expr.isLiteralTrue(parameters.get("enable_accept_encoding_gzip"))
                                && Expr.isLiteralTrue(parameters.get("enable_accept_encoding_brotli")), policy.get().file(), policy.get().address(),
                        "parameters_in_cache_key_and_forwarded_to_origin", "gzip and brotli must both be enabled");
                OptionalDouble ttl = policy.get().module().number(policy.get().attr("default_ttl"));
                check.require(ttl.isPresent() && ttl.getAsDouble() > 0, policy.get().file(), policy.get().address(), "default_ttl",
                        "the assets are not cached (default_ttl must be > 0)");
            }
        }
    }

    static void cdnHttpsOnly(PolicyInputs in, Check check) {
        for (TfBlock distribution : in.terraform().resources("aws_cloudfront_distribution")) {
            check.inspected(distribution.address());
            for (JsonNode behaviour : behaviours(distribution)) {
                String policy = Expr.text(behaviour.get("viewer_protocol_policy"));
                check.require(policy.equals("redirect-to-https") || policy.equals("https-only"), distribution.file(), distribution.address(),
                        "cache_behavior(" + Expr.text(behaviour.get("path_pattern")) + ").viewer_protocol_policy", "'" + policy + "' lets viewers use HTTP");
            }
            JsonNode certificate = first(distribution.blocks("viewer_certificate"));
            String minimum = certificate == null ? "" : Expr.text(certificate.get("minimum_protocol_version"));
            check.require(TLS12_PLUS_CLOUDFRONT.contains(minimum), distribution.file(), distribution.address(),
                    "viewer_certificate.minimum_protocol_version", "'" + minimum + "' is not TLSv1.2_2021 or later");
            for (JsonNode origin : distribution.blocks("origin")) {
                JsonNode custom = first(TfBlock.blocks(origin, "custom_origin_config"));
                if (custom != null) {
                    check.require(Expr.text(custom.get("origin_protocol_policy")).equals("https-only")
                                    && Expr.texts(custom.get("origin_ssl_protocols")).equals(List.of("TLSv1.2")), distribution.file(),
                            distribution.address(), "origin(" + Expr.text(origin.get("origin_id")) + ").custom_origin_config",
                            "custom origins must be reached with https-only and TLSv1.2");
                }
            }
        }
    }

    static void cdnOriginAccessControl(PolicyInputs in, Check check) {
        for (TfBlock distribution : in.terraform().resources("aws_cloudfront_distribution")) {
            Module module = distribution.module();
            for (JsonNode origin : distribution.blocks("origin")) {
                if (!TfBlock.blocks(origin, "custom_origin_config").isEmpty()) {
                    continue;
                }
                String where = "origin(" + Expr.text(origin.get("origin_id")) + ")";
                check.inspected(distribution.address() + " " + where);
                Optional<TfBlock> oac = TfValues.resourceName("aws_cloudfront_origin_access_control", Expr.text(origin.get("origin_access_control_id")))
                        .flatMap(n -> module.resource("aws_cloudfront_origin_access_control", n));
                if (check.require(oac.isPresent(), distribution.file(), distribution.address(), where + ".origin_access_control_id",
                        "the S3 origin is not reached through an origin access control")) {
                    check.require(oac.get().text("signing_behavior").equals("always") && oac.get().text("signing_protocol").equals("sigv4")
                                    && oac.get().text("origin_access_control_origin_type").equals("s3"), oac.get().file(), oac.get().address(),
                            "signing_behavior", "must sign always, with sigv4, for an s3 origin");
                }
                Optional<String> bucket = TfValues.resourceName("aws_s3_bucket", Expr.text(origin.get("domain_name")));
                if (!check.require(bucket.isPresent(), distribution.file(), distribution.address(), where + ".domain_name",
                        "the origin is not a bucket of this configuration")) {
                    continue;
                }
                String ref = "aws_s3_bucket." + bucket.get();
                Optional<TfBlock> block = forBucket(module, "aws_s3_bucket_public_access_block", ref);
                for (String flag : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
                    check.require(block.map(b -> Expr.isLiteralTrue(b.attr(flag))).orElse(false), distribution.file(),
                            "aws_s3_bucket_public_access_block for " + ref, flag, "must be true");
                }
                Optional<TfBlock> document = forBucket(module, "aws_s3_bucket_policy", ref)
                        .flatMap(p -> {
                            Matcher m = IamPolicies.DOCUMENT_REF.matcher(p.text("policy"));
                            return m.find() ? module.data("aws_iam_policy_document", m.group(1)) : Optional.empty();
                        });
                if (check.require(document.isPresent(), distribution.file(), "aws_s3_bucket_policy for " + ref, "policy", "no bucket policy")) {
                    for (IamPolicies.Statement s : IamPolicies.statements(document.get())) {
                        if (!s.allows()) {
                            continue;
                        }
                        boolean cloudFront = s.principals().stream().allMatch(p -> Expr.text(p.get("type")).equals("Service")
                                && Expr.texts(p.get("identifiers")).equals(List.of("cloudfront.amazonaws.com")));
                        boolean thisDistribution = s.conditions().stream().anyMatch(c -> Expr.text(c.get("variable")).equalsIgnoreCase("aws:SourceArn")
                                && Expr.texts(c.get("values")).stream().anyMatch(v -> v.contains("aws_cloudfront_distribution.")));
                        check.require(cloudFront && thisDistribution && !s.principals().isEmpty(), document.get().file(), s.where(), "principals",
                                "the asset bucket may be read only by CloudFront for this distribution (aws:SourceArn)");
                    }
                }
            }
        }
    }

    static void cdnAndAlbBehindWaf(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (TfBlock distribution : tf.resources("aws_cloudfront_distribution")) {
            check.inspected(distribution.address());
            Optional<TfBlock> acl = TfValues.resourceName("aws_wafv2_web_acl", distribution.text("web_acl_id"))
                    .flatMap(n -> distribution.module().resource("aws_wafv2_web_acl", n));
            if (check.require(acl.isPresent(), distribution.file(), distribution.address(), "web_acl_id", "no WAF web ACL on the distribution")) {
                check.require(acl.get().text("scope").equals("CLOUDFRONT"), acl.get().file(), acl.get().address(), "scope", "must be CLOUDFRONT");
                check.require(!acl.get().blocks("rule").isEmpty(), acl.get().file(), acl.get().address(), "rule", "the web ACL has no rule");
            }
        }
        List<TfBlock> associations = tf.resources("aws_wafv2_web_acl_association");
        check.require(!associations.isEmpty(), "terraform/modules/cdn", "aws_wafv2_web_acl_association", "", "no web ACL is associated with the load balancer");
        for (TfBlock association : associations) {
            check.inspected(association.address());
            Optional<TfBlock> acl = TfValues.resourceName("aws_wafv2_web_acl", association.text("web_acl_arn"))
                    .flatMap(n -> association.module().resource("aws_wafv2_web_acl", n));
            check.require(acl.isPresent() && acl.get().text("scope").equals("REGIONAL") && !acl.get().blocks("rule").isEmpty(),
                    association.file(), association.address(), "web_acl_arn", "must be a REGIONAL web ACL with rules");
            Optional<String> albVar = TfValues.variableOf(association.attr("resource_arn"));
            boolean toAlb = albVar.isPresent() && tf.callsTo(association.module().directory()).stream()
                    .allMatch(call -> TfValues.moduleOutput(tf, call.module(), call.text(albVar.get()))
                            .map(o -> o.valueText().contains("aws_lb.")).orElse(false));
            check.require(toAlb, association.file(), association.address(), "resource_arn", "the association must point at the load balancer (module alb's aws_lb)");
        }
    }

    // ---- AC-3.5 / NFR-OPS-1 -----------------------------------------------------------------

    static List<String> metricsOf(TfBlock alarm) {
        List<String> metrics = new ArrayList<>();
        if (alarm.attr("metric_name") != null) {
            metrics.add(alarm.text("metric_name"));
        }
        for (JsonNode query : alarm.blocks("metric_query")) {
            for (JsonNode metric : TfBlock.blocks(query, "metric")) {
                metrics.add(Expr.text(metric.get("metric_name")));
            }
        }
        return metrics;
    }

    static void alarmsWatchDegradation(PolicyInputs in, Check check) {
        List<TfBlock> alarms = in.terraform().resources("aws_cloudwatch_metric_alarm");
        alarms.forEach(a -> check.inspected(a.address()));
        boolean latency = false;
        for (TfBlock alarm : alarms) {
            if (metricsOf(alarm).contains("TargetResponseTime")) {
                latency = true;
                check.require(alarm.text("extended_statistic").equals("p95") || alarm.text("extended_statistic").equals("p99"),
                        alarm.file(), alarm.address(), "extended_statistic", "latency must be alarmed on a percentile (p95), not an average");
                OptionalDouble threshold = alarm.module().number(alarm.attr("threshold"));
                check.require(threshold.isPresent() && threshold.getAsDouble() <= 3, alarm.file(), alarm.address(), "threshold",
                        "the latency alarm must fire at or below the 3 s p95 target, not " + alarm.text("threshold"));
            }
        }
        check.require(latency, "terraform/modules/monitoring/alarms.tf", "aws_cloudwatch_metric_alarm", "metric_name",
                "no alarm on TargetResponseTime (p95 latency)");
        for (String[] wanted : List.of(new String[] {"HTTPCode_Target_5XX_Count", "the 5xx rate"},
                new String[] {"UnHealthyHostCount", "unhealthy targets"}, new String[] {"CPUUtilization", "ECS CPU"},
                new String[] {"MemoryUtilization", "ECS memory"}, new String[] {"WriteThrottleEvents", "DynamoDB write throttling"}, new String[] {"ReadThrottleEvents", "DynamoDB read throttling"})) {
            check.require(alarms.stream().anyMatch(a -> metricsOf(a).contains(wanted[0])), "terraform/modules/monitoring/alarms.tf",
                    "aws_cloudwatch_metric_alarm", "metric_name", "no alarm on " + wanted[1] + " (" + wanted[0] + ")");
        }
    }

    static void alarmsNotify(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (TfBlock alarm : tf.resources("aws_cloudwatch_metric_alarm")) {
            check.inspected(alarm.address());
            String actions = alarm.module().expand(alarm.text("alarm_actions"));
            String resolved = actions;
            Matcher local = Pattern.compile("local\\.([A-Za-z0-9_]+)").matcher(actions);
            while (local.find()) {
                resolved += " " + Expr.text(alarm.module().locals().get(local.group(1)));
            }
            check.require(resolved.contains("aws_sns_topic."), alarm.file(), alarm.address(), "alarm_actions",
                    "the alarm notifies nobody (alarm_actions must name the SNS alert topic)");
        }
        for (TfBlock topic : tf.resources("aws_sns_topic")) {
            check.inspected(topic.address());
            check.require(topic.attr("kms_master_key_id") != null, topic.file(), topic.address(), "kms_master_key_id", "the alert topic is not encrypted");
            boolean subscribed = topic.module().resources("aws_sns_topic_subscription").stream()
                    .anyMatch(s -> Expr.refersTo(s.text("topic_arn"), topic.address()));
            check.require(subscribed, topic.file(), topic.address(), "", "the alert topic has no subscription");
        }
    }

    // ---- AC-4.3 -----------------------------------------------------------------------------

    static void secretsEncryptedAndRotated(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        List<TfBlock> secrets = tf.resources("aws_secretsmanager_secret");
        for (TfBlock secret : secrets) {
            check.inspected(secret.address());
            check.require(secret.attr("kms_key_id") != null, secret.file(), secret.address(), "kms_key_id",
                    "the secret is encrypted with the AWS managed key, not the environment's key");
            Optional<TfBlock> rotation = secret.module().resources("aws_secretsmanager_secret_rotation").stream()
                    .filter(r -> Expr.refersTo(r.text("secret_id"), secret.address())).findFirst();
            if (rotation.isEmpty() && MANUAL_ROTATION.matcher(secret.text("tags")).find()) {
                continue; // said to rotate only by hand: a key stored data depends on
            }
            if (check.require(rotation.isPresent(), secret.file(), secret.address(), "", "the secret has no rotation")) {
                JsonNode rules = first(rotation.get().blocks("rotation_rules"));
                boolean scheduled = rules != null && (rules.has("automatically_after_days") || rules.has("schedule_expression"));
                check.require(scheduled && rotation.get().attr("rotation_lambda_arn") != null, rotation.get().file(), rotation.get().address(),
                        "rotation_rules", "rotation needs a Lambda and a schedule");
                if (rules != null && rules.has("automatically_after_days")) {
                    for (TfValues.Value days : TfValues.variableOf(rules.get("automatically_after_days"))
                            .map(v -> TfValues.reaching(tf, rotation.get().module(), v)).orElse(List.of())) {
                        check.require(days.number().isPresent() && days.number().getAsDouble() <= 90, days.where(), "automatically_after_days", "",
                                "rotates every " + Expr.text(days.value()) + " days; at most 90");
                    }
                }
            }
        }
    }

    static void secretValuesNotInTerraform(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (TfBlock resource : tf.allResources()) {
            check.inspected(resource.address());
            if (resource.type().equals("aws_secretsmanager_secret_version")) {
                for (String attribute : List.of("secret_string", "secret_binary", "secret_string_wo")) {
                    check.require(resource.attr(attribute) == null || attribute.endsWith("_wo"), resource.file(), resource.address(), attribute,
                            "a secret value in Terraform ends up in the state");
                }
            }
            if (resource.type().equals("aws_ssm_parameter") && resource.text("type").equals("SecureString")) {
                check.require(resource.attr("value") == null, resource.file(), resource.address(), "value",
                        "a SecureString value in Terraform ends up in the state");
            }
        }
        for (Module module : tf.modules()) {
            for (TfBlock variable : module.ofKind("variable")) {
                if (SECRET_NAME.matcher(variable.name()).find() && !SECRET_REFERENCE.matcher(variable.name()).find()) {
                    check.require(variable.attr("default") == null || Expr.text(variable.attr("default")).isEmpty(), variable.file(),
                            variable.address(), "default", "a secret-looking variable has a default value");
                    check.require(Expr.isLiteralTrue(variable.attr("sensitive")) || variable.attr("default") == null, variable.file(),
                            variable.address(), "sensitive", "a secret-looking variable must be sensitive");
                }
            }
            module.tfvars().forEach((name, value) -> {
                check.inspected(module.tfvarsFile() + " " + name);
                boolean secretLike = SECRET_NAME.matcher(name).find() && !SECRET_REFERENCE.matcher(name).find();
                check.require(!secretLike, module.tfvarsFile(), name, "", "a secret-looking value in terraform.tfvars (committed to git)");
            });
        }
    }

    static void taskSecretsFromSecretsManager(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        Module ecs = tf.module("modules/ecs-service");
        for (TfBlock task : ecs.resources("aws_ecs_task_definition")) {
            check.inspected(task.address());
            String definitions = task.text("container_definitions");
            Matcher secrets = Pattern.compile("(?m)^\\s*secrets\\s*=\\s*(local|var)\\.([A-Za-z0-9_]+)").matcher(definitions);
            if (!check.require(secrets.find(), task.file(), task.address(), "container_definitions.secrets",
                    "the container receives no 'secrets' (Secrets Manager references)")) {
                continue;
            }
            String source = secrets.group(1).equals("local") ? Expr.text(ecs.locals().get(secrets.group(2))) : "";
            check.require(source.contains("valueFrom") && source.contains("var.secret_arns"), ecs.localFile(secrets.group(2)),
                    "local." + secrets.group(2), "", "the secrets must map names to valueFrom = the ARNs of var.secret_arns");
            check.require(task.attr("execution_role_arn") != null, task.file(), task.address(), "execution_role_arn",
                    "no execution role to fetch the secrets");
        }
        List<TfBlock> calls = tf.callsTo("modules/ecs-service");
        for (TfBlock call : calls) {
            check.inspected(call.address());
            String arns = call.text("secret_arns");
            Optional<TfValues.Output> output = TfValues.moduleOutput(tf, call.module(), arns);
            boolean fromSecretsManager = output.isPresent()
                    && output.get().valueText().contains("aws_secretsmanager_secret.");
            check.require(fromSecretsManager, call.file(), call.address(), "secret_arns",
                    "the secret ARNs must be outputs of aws_secretsmanager_secret resources, not " + arns.replaceAll("\\s+", " "));
            String runtime = call.text("runtime_secret_arns");
            if (!runtime.isBlank()) {
                Optional<TfValues.Output> runtimeOutput = TfValues.moduleOutput(tf, call.module(), runtime);
                check.require(runtimeOutput.isPresent() && runtimeOutput.get().valueText().contains("aws_secretsmanager_secret."), call.file(),
                        call.address(), "runtime_secret_arns", "the secrets read at runtime must be outputs of aws_secretsmanager_secret resources, not "
                                + runtime.replaceAll("\\s+", " "));
            }
        }
        boolean readsOnlyThose = false;
        for (TfBlock document : ecs.data("aws_iam_policy_document")) {
            for (IamPolicies.Statement statement : IamPolicies.statements(document)) {
                if (statement.allows() && Expr.texts(statement.actions()).contains("secretsmanager:GetSecretValue")) {
                    check.inspected(statement.where());
                    String allowed = document.name().equals("task") ? "var.runtime_secret_arns" : "var.secret_arns";
                    boolean scoped = Expr.text(statement.resources()).contains(allowed) && !Expr.texts(statement.resources()).contains("*");
                    check.require(scoped, document.file(), statement.where(), "resources", "GetSecretValue must be limited to " + allowed);
                    readsOnlyThose |= scoped;
                }
            }
        }
        check.require(readsOnlyThose, "terraform/modules/ecs-service/main.tf", "data.aws_iam_policy_document.execution", "statement",
                "no role may read the task's secrets");
    }

    static void noSecretInEnvironment(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        Module ecs = tf.module("modules/ecs-service");
        List<String[]> names = new ArrayList<>();
        JsonNode environment = ecs.locals().get("container_environment");
        if (check.require(environment != null, "terraform/modules/ecs-service/main.tf", "local.container_environment", "",
                "the container environment is not built in one local")) {
            Module.mapKeysIn(Expr.text(environment)).forEach(k -> names.add(new String[] {ecs.localFile("container_environment"),
                    "local.container_environment", k}));
        }
        for (TfBlock call : tf.callsTo("modules/ecs-service")) {
            Module.mapKeysIn(call.text("environment_variables"))
                    .forEach(k -> names.add(new String[] {call.file(), call.address() + " › environment_variables", k}));
            Matcher extra = Pattern.compile("var\\.([A-Za-z0-9_]+)").matcher(call.text("environment_variables"));
            while (extra.find()) {
                for (TfValues.Value value : TfValues.reaching(tf, call.module(), extra.group(1))) {
                    Module.fieldNames(value.value()).forEachRemaining(k -> names.add(new String[] {value.where(), "var." + extra.group(1), k}));
                }
            }
        }
        for (String[] name : names) {
            check.inspected(name[2]);
            check.require(!SECRET_NAME.matcher(name[2]).find() || SECRET_ID_NAME.matcher(name[2]).find(), name[0], name[1], name[2],
                    "a plain environment variable named like a secret: pass it through 'secrets' (Secrets Manager)");
        }
    }

    // ---- AC-5.1 -----------------------------------------------------------------------------

    static void pitrEnabled(PolicyInputs in, Check check) {
        for (TfBlock table : in.terraform().resources("aws_dynamodb_table")) {
            check.inspected(table.address());
            List<JsonNode> pitr = table.blocks("point_in_time_recovery");
            if (!check.require(!pitr.isEmpty(), table.file(), table.address(), "point_in_time_recovery",
                    "no point_in_time_recovery block: PITR is off")) {
                continue;
            }
            check.require(Expr.isLiteralTrue(pitr.getFirst().get("enabled")), table.file(), table.address(), "point_in_time_recovery.enabled",
                    "is " + Expr.text(pitr.getFirst().get("enabled")) + ", not true");
        }
    }

    static void deletionProtection(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (TfBlock table : tf.resources("aws_dynamodb_table")) {
            check.inspected(table.address());
            JsonNode value = table.attr("deletion_protection_enabled");
            List<String> values = value == null ? List.of("false (unset)") : stringsOf(tf, table, value);
            for (String v : values) {
                check.require(v.equals("true"), table.file(), table.address(), "deletion_protection_enabled", "is " + v + " somewhere");
            }
        }
    }

    // ---- AC-5.2 -----------------------------------------------------------------------------

    static void backupsCopiedToDr(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (TfBlock plan : tf.resources("aws_backup_plan")) {
            for (JsonNode rule : plan.blocks("rule")) {
                String where = plan.address() + " › rule \"" + Expr.text(rule.get("rule_name")) + "\"";
                check.inspected(where);
                JsonNode copy = first(TfBlock.blocks(rule, "copy_action"));
                if (!check.require(copy != null, plan.file(), where, "copy_action", "the rule keeps its recovery points in one region only")) {
                    continue;
                }
                Optional<TfBlock> vault = TfValues.resourceName("aws_backup_vault", Expr.text(copy.get("destination_vault_arn")))
                        .flatMap(n -> plan.module().resource("aws_backup_vault", n));
                if (!check.require(vault.isPresent(), plan.file(), where, "copy_action.destination_vault_arn", "the copy goes to no vault of this configuration")) {
                    continue;
                }
                check.require(vault.get().text("provider").equals("${aws.dr}"), vault.get().file(), vault.get().address(), "provider",
                        "the copy's vault must be created with the DR-region provider aws.dr");
                Optional<TfBlock> key = TfValues.resourceName("aws_kms_key", vault.get().text("kms_key_arn"))
                        .flatMap(n -> plan.module().resource("aws_kms_key", n));
                check.require(key.isPresent() && key.get().text("provider").equals("${aws.dr}"), vault.get().file(), vault.get().address(),
                        "kms_key_arn", "the DR vault must be encrypted with a key of the DR region");
            }
        }
    }

    static void drRegionDiffers(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (TfBlock call : tf.callsTo("modules/backup")) {
            check.inspected(call.address());
            check.require(Expr.text(call.attr("providers")).contains("aws.dr") && call.attr("providers") != null
                            && Expr.text(call.attr("providers").get("aws.dr")).equals("${aws.dr}"), call.file(), call.address(), "providers",
                    "the backup module must receive aws.dr = aws.dr");
        }
        for (Module environment : tf.environments()) {
            Optional<TfBlock> dr = environment.providers().stream().filter(p -> p.text("alias").equals("dr")).findFirst();
            if (!check.require(dr.isPresent(), "terraform/" + environment.directory() + "/providers.tf", "provider \"aws\" (alias dr)", "",
                    "no DR-region provider")) {
                continue;
            }
            check.inspected(dr.get().file() + " provider aws.dr");
            Optional<String> regionVar = TfValues.variableOf(dr.get().attr("region"));
            if (!check.require(regionVar.isPresent(), dr.get().file(), "provider \"aws\" (alias dr)", "region", "must be a variable (dr_region)")) {
                continue;
            }
            Optional<String> primaryVar = environment.providers().stream().filter(p -> p.attr("alias") == null).findFirst()
                    .flatMap(p -> TfValues.variableOf(p.attr("region")));
            String primary = primaryVar.map(v -> Expr.text(environment.tfvars().get(v))).orElse("");
            String disaster = Expr.text(environment.tfvars().get(regionVar.get()));
            check.require(!disaster.isEmpty() && !primary.isEmpty() && !disaster.equals(primary), environment.tfvarsFile(), regionVar.get(), "",
                    "the DR region (" + disaster + ") must be set and differ from the primary region (" + primary + ")");
        }
    }

    static void backupSelectsTables(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (TfBlock selection : tf.resources("aws_backup_selection")) {
            check.inspected(selection.address());
            Optional<String> tablesVar = TfValues.variableOf(selection.attr("resources"));
            if (!check.require(tablesVar.isPresent(), selection.file(), selection.address(), "resources", "must be the tables passed in (var.*)")) {
                continue;
            }
            for (TfBlock call : tf.callsTo(selection.module().directory())) {
                Optional<TfValues.Output> output = TfValues.moduleOutput(tf, call.module(), call.text(tablesVar.get()));
                check.require(output.isPresent() && output.get().module().directory().equals("modules/dynamodb")
                                && output.get().valueText().contains("aws_dynamodb_table."), call.file(), call.address(), tablesVar.get(),
                        "must be the dynamodb module's list of every table ARN");
            }
        }
    }

    // ---- SC-DEPLOY-4 ------------------------------------------------------------------------

    static void tablesFromServiceDefinition(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        Module dynamodb = tf.module("modules/dynamodb");
        String file = dynamodb.localFile("tables_file");
        String tablesFile = Expr.text(dynamodb.locals().get("tables_file"));
        Matcher path = Pattern.compile("\\$\\{path\\.module}(/[^\"]+)\"").matcher(tablesFile);
        if (!check.require(path.find(), file, "local.tables_file", "", "the tables file must default to a path relative to the module")) {
            return;
        }
        Path resolved = in.projectRoot().resolve("terraform").resolve(dynamodb.directory()).resolve(path.group(1).substring(1)).normalize();
        check.inspected(resolved.toString());
        check.require(resolved.equals(in.projectRoot().resolve(TABLES_JSON).normalize()), file, "local.tables_file", "",
                "resolves to " + in.projectRoot().relativize(resolved) + ", not " + TABLES_JSON);
        check.require(Expr.text(dynamodb.locals().get("definition")).replace(" ", "").contains("jsondecode(file(local.tables_file))"), file,
                "local.definition", "", "the definition must be jsondecode(file(local.tables_file))");
        check.require(Expr.text(dynamodb.locals().get("tables")).contains("local.definition.tables"), file, "local.tables", "",
                "the tables must come from local.definition.tables");
        for (TfBlock table : dynamodb.resources("aws_dynamodb_table")) {
            check.inspected(table.address());
            check.require(table.text("for_each").equals("${local.tables}"), table.file(), table.address(), "for_each",
                    "one table per entry of the definition (for_each = local.tables)");
            check.require(table.text("name").contains("each.value.name") && table.text("hash_key").contains("each.value.partitionKey.name"),
                    table.file(), table.address(), "name/hash_key", "name and key must come from the definition");
        }
        for (TfBlock call : tf.callsTo("modules/dynamodb")) {
            check.require(call.attr("tables_file") == null, call.file(), call.address(), "tables_file",
                    "an environment must not point the tables at another definition");
        }
        // The fields of the definition that the module reads: a field the service adds and Terraform
        // ignores (an index, a key) would leave the AWS tables different from the local ones.
        StringBuilder moduleText = new StringBuilder();
        dynamodb.locals().values().forEach(v -> moduleText.append(Expr.text(v)).append('\n'));
        dynamodb.resources("aws_dynamodb_table").forEach(t -> moduleText.append(t.body()).append('\n'));
        Set<String> read = new TreeSet<>();
        Matcher field = Pattern.compile("(?:each\\.value|global_secondary_index\\.value|\\bt|\\bg)\\.([A-Za-z]+)").matcher(moduleText);
        while (field.find()) {
            read.add(field.group(1));
        }
        try {
            JsonNode definition = new ObjectMapper().readTree(Files.readString(in.projectRoot().resolve(TABLES_JSON)));
            JsonNode tables = definition.path("tables");
            check.require(tables.isArray() && !tables.isEmpty(), TABLES_JSON, "tables", "", "no table in the service's definition");
            for (JsonNode table : tables) {
                String where = "tables[" + table.path("name").asText("?") + "]";
                check.inspected(TABLES_JSON + " " + where);
                check.require(table.hasNonNull("name") && table.path("partitionKey").hasNonNull("name")
                                && table.path("partitionKey").hasNonNull("type"), TABLES_JSON, where, "",
                        "every table needs a name and a partition key with a type");
                table.fieldNames().forEachRemaining(name -> check.require(read.contains(name), TABLES_JSON, where, name,
                        "terraform/modules/dynamodb does not read '" + name + "': the AWS table would differ from the local one"));
                for (JsonNode index : table.path("globalSecondaryIndexes")) {
                    index.fieldNames().forEachRemaining(name -> check.require(read.contains(name), TABLES_JSON,
                            where + ".globalSecondaryIndexes[" + index.path("name").asText("?") + "]", name,
                            "terraform/modules/dynamodb does not read '" + name + "' of an index"));
                }
            }
        } catch (IOException | RuntimeException e) {
            check.fail(TABLES_JSON, "", "", "cannot read the service's table definition: " + e.getMessage());
        }
    }

    static void environmentsFromOnePlatform(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        List<TfBlock> calls = tf.callsTo("modules/platform");
        Set<String> first = null;
        for (TfBlock call : calls) {
            check.inspected(call.file());
            check.require(call.module().directory().startsWith("environments/"), call.file(), call.address(), "source",
                    "the platform module is meant to be called by the environments only");
            Set<String> arguments = new TreeSet<>();
            call.body().fieldNames().forEachRemaining(arguments::add);
            if (first == null) {
                first = arguments;
            } else {
                Set<String> difference = new TreeSet<>(first);
                difference.removeAll(arguments);
                Set<String> extra = new TreeSet<>(arguments);
                extra.removeAll(first);
                check.require(difference.isEmpty() && extra.isEmpty(), call.file(), call.address(), "",
                        "the environments call the platform differently: missing " + difference + ", extra " + extra);
            }
        }
        List<Module> environments = tf.environments();
        check.require(environments.size() >= 2, "terraform/environments", "", "", "expected staging and production");
        for (Module environment : environments) {
            check.require(calls.stream().anyMatch(c -> c.module() == environment), "terraform/" + environment.directory(), "module.platform", "",
                    "this environment is not built from modules/platform");
        }
    }
}

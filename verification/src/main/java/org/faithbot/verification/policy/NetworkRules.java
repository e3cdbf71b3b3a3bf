package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Criterion AC-4.1, security groups of least privilege: the rules read every security-group rule of
 * the configuration in each of the three ways Terraform can write one (the per-rule resources
 * aws_vpc_security_group_ingress_rule / _egress_rule, aws_security_group_rule, and inline ingress /
 * egress blocks of aws_security_group) and find the service's and the load balancer's groups by
 * following the module wiring (platform -> ecs-service / alb -> network outputs).
 */
final class NetworkRules {

    static final String CRITERION = "AC-4.1";
    private static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");

    /** One security-group rule, whichever way it was written. */
    record SgRule(TfBlock resource, String prefix, String direction, String groupName, JsonNode fromPort, JsonNode toPort,
                  String protocol, List<String[]> cidrs, String sourceGroup, String prefixList) {

        String where() {
            return resource.address() + (prefix.isEmpty() ? "" : " › " + prefix);
        }

        String attr(String attribute) {
            return prefix.isEmpty() ? attribute : prefix + "." + attribute;
        }

        boolean allProtocols() {
            return protocol.equals("-1") || protocol.equals("all");
        }

        /** The port range, resolved through variable defaults; empty when a bound is not a known number. */
        Optional<double[]> ports() {
            OptionalDouble from = resource.module().number(fromPort);
            OptionalDouble to = resource.module().number(toPort);
            if (allProtocols()) {
                return Optional.of(new double[] {0, 65535});
            }
            if (from.isEmpty() || to.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new double[] {from.getAsDouble(), to.getAsDouble()});
        }

        String portText() {
            if (allProtocols()) {
                return "every port";
            }
            String from = Expr.text(fromPort);
            String to = Expr.text(toPort);
            return from.equals(to) ? "port " + from : "ports " + from + "-" + to;
        }
    }

    private NetworkRules() {
    }

    static List<PolicyRule> rules() {
        return List.of(
                new PolicyRule("service-port-reachable-only-from-the-load-balancer", CRITERION,
                        "the service's security group admits only the load balancer's group, on the service port and nothing else",
                        NetworkRules::serviceIngressOnlyFromAlb),
                new PolicyRule("no-security-group-open-to-the-internet-except-https-and-redirect", CRITERION,
                        "no security group is open to 0.0.0.0/0 or ::/0 except the load balancer's, on 443 and 80 (redirect) only: never the service port",
                        NetworkRules::noWorldOpenIngress),
                new PolicyRule("service-egress-only-to-aws-endpoints", CRITERION,
                        "the service's tasks may only reach the VPC endpoints of AWS services (HTTPS to endpoint groups and gateway prefix lists), not the internet",
                        NetworkRules::serviceEgressOnlyToEndpoints),
                new PolicyRule("tasks-private-and-default-group-closed", CRITERION,
                        "the ECS tasks get no public IP, and the VPC's default security group allows nothing",
                        NetworkRules::tasksPrivateAndDefaultGroupClosed));
    }

    /** Every security-group rule of every module. */
    static List<SgRule> allRules(TerraformConfig tf) {
        List<SgRule> out = new ArrayList<>();
        for (Module module : tf.modules()) {
            for (TfBlock r : module.resources("aws_vpc_security_group_ingress_rule")) {
                out.add(perRule(r, "ingress"));
            }
            for (TfBlock r : module.resources("aws_vpc_security_group_egress_rule")) {
                out.add(perRule(r, "egress"));
            }
            for (TfBlock r : module.resources("aws_security_group_rule")) {
                List<String[]> cidrs = new ArrayList<>();
                Expr.texts(r.attr("cidr_blocks")).forEach(c -> cidrs.add(new String[] {"cidr_blocks", c}));
                Expr.texts(r.attr("ipv6_cidr_blocks")).forEach(c -> cidrs.add(new String[] {"ipv6_cidr_blocks", c}));
                out.add(new SgRule(r, "", r.text("type"), TfValues.resourceName("aws_security_group", r.text("security_group_id")).orElse(""),
                        r.attr("from_port"), r.attr("to_port"), r.text("protocol"), cidrs,
                        r.text("source_security_group_id"), String.join(",", Expr.texts(r.attr("prefix_list_ids")))));
            }
            for (TfBlock group : module.resources("aws_security_group")) {
                for (String direction : List.of("ingress", "egress")) {
                    List<JsonNode> blocks = group.blocks(direction);
                    for (int i = 0; i < blocks.size(); i++) {
                        JsonNode b = blocks.get(i);
                        List<String[]> cidrs = new ArrayList<>();
                        Expr.texts(b.get("cidr_blocks")).forEach(c -> cidrs.add(new String[] {"cidr_blocks", c}));
                        Expr.texts(b.get("ipv6_cidr_blocks")).forEach(c -> cidrs.add(new String[] {"ipv6_cidr_blocks", c}));
                        out.add(new SgRule(group, direction + "[" + i + "]", direction, group.name(), b.get("from_port"), b.get("to_port"),
                                Expr.text(b.get("protocol")), cidrs, String.join(",", Expr.texts(b.get("security_groups"))),
                                String.join(",", Expr.texts(b.get("prefix_list_ids")))));
                    }
                }
            }
        }
        return out;
    }

    private static SgRule perRule(TfBlock r, String direction) {
        List<String[]> cidrs = new ArrayList<>();
        if (r.attr("cidr_ipv4") != null) {
            cidrs.add(new String[] {"cidr_ipv4", r.text("cidr_ipv4")});
        }
        if (r.attr("cidr_ipv6") != null) {
            cidrs.add(new String[] {"cidr_ipv6", r.text("cidr_ipv6")});
        }
        return new SgRule(r, "", direction, TfValues.resourceName("aws_security_group", r.text("security_group_id")).orElse(""),
                r.attr("from_port"), r.attr("to_port"), r.text("ip_protocol"), cidrs, r.text("referenced_security_group_id"),
                r.text("prefix_list_id"));
    }

    /** The network module and the name of the security group a module call passes in {@code argument} (for example the ALB's). */
    record Group(Module module, String name) {
    }

    /** The security group the {@code moduleDirectory} module receives in {@code argument}, followed to the network module's resource. */
    static Optional<Group> groupPassedTo(TerraformConfig tf, String moduleDirectory, String argument) {
        for (TfBlock call : tf.callsTo(moduleDirectory)) {
            Optional<TfValues.Output> output = TfValues.moduleOutput(tf, call.module(), call.text(argument));
            if (output.isPresent()) {
                Optional<String> name = TfValues.resourceName("aws_security_group", output.get().valueText());
                if (name.isPresent()) {
                    return Optional.of(new Group(output.get().module(), name.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The service port: the values the network module's var.service_port can take (8080). */
    static Set<Double> servicePorts(TerraformConfig tf, Module network) {
        Set<Double> ports = new TreeSet<>();
        for (TfValues.Value v : TfValues.reaching(tf, network, "service_port")) {
            v.number().ifPresent(ports::add);
        }
        return ports;
    }

    private static Group serviceGroup(TerraformConfig tf) {
        return groupPassedTo(tf, "modules/ecs-service", "security_group_ids")
                .orElseThrow(() -> new IllegalStateException("cannot follow modules/ecs-service's security_group_ids to a security group"));
    }

    private static Group albGroup(TerraformConfig tf) {
        return groupPassedTo(tf, "modules/alb", "security_group_ids")
                .orElseThrow(() -> new IllegalStateException("cannot follow modules/alb's security_group_ids to a security group"));
    }

    static void serviceIngressOnlyFromAlb(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        Group service = serviceGroup(tf);
        Group alb = albGroup(tf);
        Set<Double> servicePorts = servicePorts(tf, service.module());
        check.require(servicePorts.size() == 1, "terraform/" + service.module().directory(), "var.service_port", "",
                "the service port must resolve to one number; it resolves to " + servicePorts);
        for (SgRule rule : allRules(tf)) {
            if (!rule.direction().equals("ingress") || !rule.groupName().equals(service.name())
                    || rule.resource().module() != service.module()) {
                continue;
            }
            check.inspected(rule.where());
            String file = rule.resource().file();
            for (String[] cidr : rule.cidrs()) {
                check.fail(file, rule.where(), rule.attr(cidr[0]), cidr[0] + " = " + cidr[1]
                        + " admits addresses into the service's security group; only the load balancer's group may be the source");
            }
            if (!rule.prefixList().isEmpty()) {
                check.fail(file, rule.where(), rule.attr("prefix_list_id"), "a prefix list is a source of the service's group; only the load balancer's group may be");
            }
            check.require(Expr.refersTo(rule.sourceGroup(), "aws_security_group." + alb.name()), file, rule.where(),
                    rule.attr("referenced_security_group_id"),
                    "the source must be the load balancer's group aws_security_group." + alb.name() + ", not '" + rule.sourceGroup() + "'");
            Optional<double[]> ports = rule.ports();
            check.require(!rule.allProtocols() && ports.isPresent() && ports.get()[0] == ports.get()[1]
                            && servicePorts.contains(ports.get()[0]), file, rule.where(), rule.attr("from_port"),
                    "the service's group must open the service port " + servicePorts + " only, not " + rule.portText());
        }
    }

    static void noWorldOpenIngress(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        Group alb = albGroup(tf);
        for (SgRule rule : allRules(tf)) {
            if (!rule.direction().equals("ingress")) {
                continue;
            }
            check.inspected(rule.where());
            Set<Double> servicePorts = tf.findModule("modules/network").map(n -> servicePorts(tf, n)).orElse(Set.of());
            for (String[] cidr : rule.cidrs()) {
                if (!WORLD.contains(cidr[1])) {
                    continue;
                }
                Optional<double[]> ports = rule.ports();
                boolean onAlb = rule.groupName().equals(alb.name()) && rule.resource().module() == alb.module();
                boolean webPort = ports.isPresent() && ports.get()[0] == ports.get()[1]
                        && (ports.get()[0] == 443 || ports.get()[0] == 80);
                if (onAlb && webPort) {
                    continue;
                }
                boolean coversService = ports.isEmpty() || servicePorts.stream()
                        .anyMatch(p -> p >= ports.get()[0] && p <= ports.get()[1]);
                String what = coversService
                        ? " opens the service port " + servicePorts.stream().map(p -> String.valueOf(p.intValue())).toList()
                        + " (" + rule.portText() + ") to the internet"
                        : " opens " + rule.portText() + " to the internet" + (onAlb ? "" : " on a group other than the load balancer's");
                check.fail(rule.resource().file(), rule.where(), rule.attr(cidr[0]), cidr[0] + " = " + cidr[1] + what);
            }
        }
    }

    static void serviceEgressOnlyToEndpoints(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        Group service = serviceGroup(tf);
        for (SgRule rule : allRules(tf)) {
            if (!rule.direction().equals("egress") || !rule.groupName().equals(service.name())
                    || rule.resource().module() != service.module()) {
                continue;
            }
            check.inspected(rule.where());
            String file = rule.resource().file();
            for (String[] cidr : rule.cidrs()) {
                check.fail(file, rule.where(), rule.attr(cidr[0]), cidr[0] + " = " + cidr[1]
                        + ": the tasks may only reach AWS through VPC endpoints (endpoint security group or gateway prefix list)");
            }
            boolean toEndpointGroup = TfValues.resourceName("aws_security_group", rule.sourceGroup()).isPresent();
            boolean toGatewayEndpoint = rule.prefixList().contains("aws_vpc_endpoint.");
            check.require(toEndpointGroup || toGatewayEndpoint, file, rule.where(), rule.attr("referenced_security_group_id"),
                    "the destination is neither an endpoint security group nor a gateway endpoint's prefix list");
            Optional<double[]> ports = rule.ports();
            check.require(ports.isPresent() && ports.get()[0] == 443 && ports.get()[1] == 443 && !rule.allProtocols(),
                    file, rule.where(), rule.attr("from_port"), "AWS endpoints are reached on HTTPS 443 only, not " + rule.portText());
        }
    }

    static void tasksPrivateAndDefaultGroupClosed(PolicyInputs in, Check check) {
        TerraformConfig tf = in.terraform();
        for (TfBlock service : tf.resources("aws_ecs_service")) {
            check.inspected(service.address());
            for (JsonNode network : service.blocks("network_configuration")) {
                check.require(!Expr.isLiteralTrue(network.get("assign_public_ip")) && network.has("assign_public_ip")
                                && Expr.text(network.get("assign_public_ip")).equals("false"), service.file(), service.address(),
                        "network_configuration.assign_public_ip", "the tasks must not get a public IP (assign_public_ip = false)");
            }
            check.require(!service.blocks("network_configuration").isEmpty(), service.file(), service.address(),
                    "network_configuration", "no network configuration: the tasks' subnets and groups are not set");
        }
        List<TfBlock> defaults = tf.resources("aws_default_security_group");
        check.require(!defaults.isEmpty(), "terraform/modules/network", "aws_default_security_group", "",
                "the VPC's default security group is not taken under management (it allows traffic between its members by default)");
        for (TfBlock group : defaults) {
            check.inspected(group.address());
            check.require(group.blocks("ingress").isEmpty() && group.blocks("egress").isEmpty(), group.file(), group.address(),
                    "ingress/egress", "the default security group must have no rules");
        }
    }
}

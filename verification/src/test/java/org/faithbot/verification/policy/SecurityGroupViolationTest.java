package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** AC-4.1: a security group opened to the internet on the service port must fail the network rules. */
class SecurityGroupViolationTest {

    private static final String NETWORK = "terraform/modules/network/main.tf";
    private static final String ONLY_FROM_ALB = "service-port-reachable-only-from-the-load-balancer";
    private static final String NOT_WORLD_OPEN = "no-security-group-open-to-the-internet-except-https-and-redirect";

    @Test
    void theUnmodifiedCopyHolds(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        PolicyInputs inputs = copy.inputs();
        assertThat(PolicyCatalogue.forCriterion("AC-4.1")).allSatisfy(rule ->
                assertThat(rule.check(inputs).passed()).as(rule.check(inputs).describe()).isTrue());
    }

    @Test
    void aRuleOpeningTheServicePortToTheInternetFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).append(NETWORK, """
                resource "aws_vpc_security_group_ingress_rule" "service_from_anywhere" {
                  security_group_id = aws_security_group.service.id
                  description       = "debugging shortcut"
                  ip_protocol       = "tcp"
                  from_port         = var.service_port
                  to_port           = var.service_port
                  cidr_ipv4         = "0.0.0.0/0"
                }
                """);
        PolicyInputs inputs = copy.inputs();

        RuleOutcome notWorldOpen = PolicyCatalogue.byId(NOT_WORLD_OPEN).check(inputs);
        assertThat(notWorldOpen.passed()).isFalse();
        assertThat(notWorldOpen.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(NETWORK);
            assertThat(f.resource()).isEqualTo("aws_vpc_security_group_ingress_rule.service_from_anywhere");
            assertThat(f.attribute()).isEqualTo("cidr_ipv4");
            assertThat(f.problem()).contains("0.0.0.0/0", "service port", "8080");
        });

        RuleOutcome onlyFromAlb = PolicyCatalogue.byId(ONLY_FROM_ALB).check(inputs);
        assertThat(onlyFromAlb.passed()).isFalse();
        assertThat(onlyFromAlb.findings()).extracting(Finding::describe).anySatisfy(d -> assertThat(d)
                .contains(NETWORK, "aws_vpc_security_group_ingress_rule.service_from_anywhere", "cidr_ipv4 = 0.0.0.0/0"));
    }

    @Test
    void aLegacyRuleResourceOpenToTheInternetOnTheServicePortFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).append(NETWORK, """
                resource "aws_security_group_rule" "service_open" {
                  type              = "ingress"
                  security_group_id = aws_security_group.service.id
                  protocol          = "tcp"
                  from_port         = 8080
                  to_port           = 8080
                  cidr_blocks       = ["10.0.0.0/8", "0.0.0.0/0"]
                }
                """);
        RuleOutcome outcome = copy.check(NOT_WORLD_OPEN);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_security_group_rule.service_open");
            assertThat(f.attribute()).isEqualTo("cidr_blocks");
            assertThat(f.problem()).contains("8080");
        });
        assertThat(copy.check(ONLY_FROM_ALB).passed()).isFalse();
    }

    @Test
    void anInlineIngressBlockOpenToTheInternetFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).append(NETWORK, """
                resource "aws_security_group" "debug" {
                  name   = "debug"
                  vpc_id = aws_vpc.this.id

                  ingress {
                    from_port        = 0
                    to_port          = 65535
                    protocol         = "tcp"
                    ipv6_cidr_blocks = ["::/0"]
                  }
                }
                """);
        RuleOutcome outcome = copy.check(NOT_WORLD_OPEN);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(NETWORK);
            assertThat(f.resource()).isEqualTo("aws_security_group.debug › ingress[0]");
            assertThat(f.attribute()).isEqualTo("ingress[0].ipv6_cidr_blocks");
            assertThat(f.problem()).contains("::/0", "service port");
        });
    }

    @Test
    void theLoadBalancerOpenOnAnotherPortThanHttpsFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(NETWORK, """
                  description       = "HTTPS from the internet"
                  ip_protocol       = "tcp"
                  from_port         = 443
                  to_port           = 443
                """, """
                  description       = "HTTPS from the internet"
                  ip_protocol       = "tcp"
                  from_port         = 443
                  to_port           = 9000
                """);
        RuleOutcome outcome = copy.check(NOT_WORLD_OPEN);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_vpc_security_group_ingress_rule.alb_https");
            assertThat(f.problem()).contains("443-9000", "8080");
        });
    }
}

package org.faithbot.verification.local;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The CPU share of each kind of process of the local target, in one place. A service instance gets the task
 * definition's CPU units (terraform/environments/*&#47;terraform.tfvars task_cpu = 1024: one vCPU; CpuSharesTest holds
 * them equal), as ECS reserves them per task. The rest stand for what in AWS runs on machines of its own, so each gets
 * what keeps it from being the bottleneck of a measurement: the load injector and the local DynamoDB (a managed
 * service with its own capacity) as much as two tasks, the balancer (the ALB) and the harness (the probe and the
 * drills' clients) one task's, the CDN, the monitoring and the AWS emulator half of one. Shares weigh the groups only
 * when the cores are contended; none is a cap.
 */
public final class CpuShares {

    /** The task definition's CPU units (task_cpu of the environments' terraform.tfvars). */
    public static final int TASK_CPU_UNITS = 1024;

    /** A kind of process and its cpu.shares. */
    public enum Role {
        SERVICE_TASK(TASK_CPU_UNITS),
        LOAD_INJECTOR(2 * TASK_CPU_UNITS),
        DATABASE(2 * TASK_CPU_UNITS),
        BALANCER(TASK_CPU_UNITS),
        HARNESS(TASK_CPU_UNITS),
        CDN(TASK_CPU_UNITS / 2),
        MONITORING(TASK_CPU_UNITS / 2),
        AWS_EMULATOR(TASK_CPU_UNITS / 2);

        private final int shares;

        Role(int shares) {
            this.shares = shares;
        }

        public int shares() {
            return shares;
        }
    }

    private CpuShares() {
    }

    /** Every role's shares, in words. */
    public static String describe() {
        return Arrays.stream(Role.values()).map(r -> r.name().toLowerCase().replace('_', ' ') + " " + r.shares())
                .collect(Collectors.joining(", "));
    }
}

package org.faithbot.verification.local;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The CPU share of each kind of process of the local target, in one place. A service instance gets the task
 * definition's CPU units (terraform/environments/*&#47;terraform.tfvars task_cpu = 1024: one vCPU; CpuSharesTest holds
 * them equal), as ECS reserves them per task. The rest stand for what in AWS runs on machines of its own and takes
 * none of a task's CPU: the load injector and the local DynamoDB (single-threaded: one core at most) as much as one
 * task, the harness (the members' other clients: the probe, the fuzzer, the drills) as much as one task, the balancer
 * (the ALB) half of one, the CDN, the monitoring and the AWS emulator a quarter, so that under full contention the
 * service's two instances keep the largest part of the box (2048 of 6400). Shares weigh the groups only when the cores are contended; none is a cap.
 * (With the injector and dynalite at two tasks' each, a main job beside other builds measured the production day's
 * p95 at 685 ms and the capacity at 208/s, against 54 ms and 400/s ungrouped: the service was starved.)
 */
public final class CpuShares {

    /** The task definition's CPU units (task_cpu of the environments' terraform.tfvars). */
    public static final int TASK_CPU_UNITS = 1024;

    /** A kind of process and its cpu.shares. */
    public enum Role {
        SERVICE_TASK(TASK_CPU_UNITS),
        LOAD_INJECTOR(TASK_CPU_UNITS),
        DATABASE(TASK_CPU_UNITS),
        BALANCER(TASK_CPU_UNITS / 2),
        HARNESS(TASK_CPU_UNITS),
        CDN(TASK_CPU_UNITS / 4),
        MONITORING(TASK_CPU_UNITS / 4),
        AWS_EMULATOR(TASK_CPU_UNITS / 4);

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

package org.faithbot.verification.local;

import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every process of the local target in a CPU share of its own: a group per process with its role's cpu.shares, a CPU
 * hog joining the group of the instance it starves, the run's groups removed at the end; where the hierarchy is not
 * writable, nothing is placed and the report says so. A service instance's share is the task definition's CPU units.
 */
class CpuGroupsTest {

    @Test
    void aServiceInstanceSharesAsManyUnitsAsTheTaskDefinitionReserves() throws IOException {
        for (String environment : new String[]{"staging", "production"}) {
            String tfvars = Files.readString(Targets.projectRoot().resolve("terraform/environments/" + environment + "/terraform.tfvars"));
            Matcher cpu = Pattern.compile("(?m)^task_cpu\\s*=\\s*(\\d+)").matcher(tfvars);
            assertThat(cpu.find()).as("task_cpu in %s", environment).isTrue();
            assertThat(CpuShares.Role.SERVICE_TASK.shares()).as("a service instance's shares against %s's task_cpu", environment)
                    .isEqualTo(Integer.parseInt(cpu.group(1)));
        }
    }

    @Test
    void eachProcessGetsAGroupWithItsRolesSharesAndAHogJoinsItsVictim(@TempDir Path hierarchy) throws IOException {
        Files.writeString(hierarchy.resolve("cpu.shares"), "1024");
        CpuGroups groups = new CpuGroups(hierarchy, 4242);
        assertThat(groups.applied()).isTrue();
        Path run = hierarchy.resolve("faithbot-4242");
        assertThat(Files.readString(run.resolve("cpu.shares"))).isEqualTo(Integer.toString(CpuGroups.RUN_SHARES));

        groups.place("s1", 1001, CpuShares.Role.SERVICE_TASK);
        groups.place("gatling-production-day", 1002, CpuShares.Role.LOAD_INJECTOR);
        groups.join("s1", 1003);
        groups.join("never-placed", 1004);

        assertThat(Files.readString(run.resolve("s1/cpu.shares"))).isEqualTo("1024");
        assertThat(Files.readString(run.resolve("s1/cgroup.procs"))).as("the last PID written: the hog in its victim's group").isEqualTo("1003");
        assertThat(Files.readString(run.resolve("gatling-production-day/cpu.shares"))).isEqualTo("1024");
        assertThat(run.resolve("never-placed")).doesNotExist();
        assertThat(groups.sharesOf("s1")).isEqualTo(1024);
        assertThat(groups.sharesOf("unknown")).isZero();
        assertThat(groups.describe()).contains("service task 1024").contains("s1=1024");
    }

    @Test
    void whereTheHierarchyIsNotWritableNothingIsPlacedAndTheReportSaysSo(@TempDir Path dir) {
        CpuGroups groups = new CpuGroups(dir.resolve("no-cpu-controller"), 4242);
        groups.place("s1", 1001, CpuShares.Role.SERVICE_TASK);
        assertThat(groups.applied()).isFalse();
        assertThat(groups.describe()).startsWith("CPU shares not applied").contains("not writable");
        assertThat(groups.sharesOf("s1")).isZero();
    }

    @Test
    void theRunsGroupsAreOffUnlessAskedFor() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("local.cpu-shares"), "this run asked for the CPU shares");
        CpuGroups groups = CpuGroups.shared();
        assertThat(groups.applied()).isFalse();
        assertThat(groups.describe()).startsWith("CPU shares not applied (off by default (-Dlocal.cpu-shares=true turns them on");
    }

    @Test
    void onTheKernelsHierarchyAProcessRunsInItsGroupAndTheGroupGoesAtTheEnd() throws Exception {
        Path cpu = Path.of("/sys/fs/cgroup/cpu");
        assumeTrue(Files.isWritable(cpu) && Files.exists(cpu.resolve("cpu.shares")), "cgroup v1's cpu controller is not writable here");
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        long fakeRun = ProcessHandle.current().pid();
        CpuGroups groups = new CpuGroups(cpu.resolve("faithbot-test-" + fakeRun).getParent(), fakeRun * 10 + 7);
        try {
            groups.place("sleeper", sleeper.pid(), CpuShares.Role.MONITORING);
            assertThat(Files.readString(Path.of("/proc/" + sleeper.pid() + "/cgroup")))
                    .contains(":cpu:/faithbot-" + (fakeRun * 10 + 7) + "/sleeper");
        } finally {
            sleeper.destroy();
            sleeper.waitFor(5, TimeUnit.SECONDS);
            groups.close();
        }
        assertThat(cpu.resolve("faithbot-" + (fakeRun * 10 + 7))).doesNotExist();
    }
}

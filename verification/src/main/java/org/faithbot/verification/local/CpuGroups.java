package org.faithbot.verification.local;

import org.faithbot.verification.settings.Settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Each process of the local target in a CPU share of its own, as ECS gives each task its CPU units: a cgroup (v1,
 * controller {@code cpu}) per process under {@code /sys/fs/cgroup/cpu/faithbot-<harness PID>/}, its {@code cpu.shares}
 * from {@link CpuShares}. Under contention the kernel divides the cores between the groups by their shares, whatever
 * the number of threads inside: a release's new JVMs warming up (a dozen compiler and GC threads each) take their own
 * share, not the CPU of the instances serving the members. Without contention a group uses whatever is free (shares
 * are not caps). Where the hierarchy is not writable (not root, cgroup v2 only, a container) nothing is placed, and
 * {@link #describe()} says so: the processes share the CPU as the kernel schedules their threads, as before.
 */
public final class CpuGroups implements AutoCloseable {

    private static final Path CPU = Path.of("/sys/fs/cgroup/cpu");
    static final int RUN_SHARES = 64 * 1024;
    private static CpuGroups shared;

    private final Path root;
    private final String unavailable;
    private final Map<String, Integer> placed = new LinkedHashMap<>();
    private final Map<String, CpuShares.Role> roles = new LinkedHashMap<>();

    /** Groups that place nothing, for the reason given. */
    private CpuGroups(Path root, String unavailable) {
        this.root = root;
        this.unavailable = unavailable;
    }

    CpuGroups(Path hierarchy, long harnessPid) {
        Path parent = hierarchy.resolve("faithbot-" + harnessPid);
        String reason = null;
        try {
            if (!Files.isWritable(hierarchy) || !Files.exists(hierarchy.resolve("cpu.shares"))) {
                reason = hierarchy + " (cgroup v1, controller cpu) is not writable here";
            } else {
                removeLeftovers(hierarchy);
                Files.createDirectories(parent);
                // the run's group competes at the top with every thread of the host outside it, each weighing 1024:
                // as much as 64 of them, so the target keeps the weight its threads had together before it was grouped
                Files.writeString(parent.resolve("cpu.shares"), Integer.toString(RUN_SHARES));
            }
        } catch (IOException | RuntimeException e) {
            reason = "cannot create " + parent + ": " + e.getMessage();
        }
        this.root = parent;
        this.unavailable = reason;
    }

    /**
     * The run's groups (one per harness JVM), the harness itself placed in its own; only with {@code -Dlocal.cpu-shares=true}
     * (or LOCAL_CPU_SHARES=true). Off by default: with every process in a share of its own, two main jobs measured the
     * service starved under the heaviest loads (the production day's p95 685 ms and then 15.9 s, the capacity 208/s and
     * 180/s, against 54 ms and 400/s ungrouped); the shares need calibrating against ECS before they are the default.
     */
    public static synchronized CpuGroups shared() {
        if (shared == null) {
            if (!Boolean.parseBoolean(Settings.setting("local.cpu-shares", "LOCAL_CPU_SHARES", "false"))) {
                shared = new CpuGroups(null, "off by default (-Dlocal.cpu-shares=true turns them on; with them the service was starved under "
                        + "the heaviest loads: the production day's p95 rose from 54 ms to 0.7-15.9 s)");
                return shared;
            }
            shared = new CpuGroups(CPU, ProcessHandle.current().pid());
            shared.place("harness", ProcessHandle.current().pid(), CpuShares.Role.HARNESS);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "cpu-groups-teardown"));
        }
        return shared;
    }

    public boolean applied() {
        return unavailable == null;
    }

    /**
     * Moves the process (every thread of it, and the processes it started) into a group of its own, created with its
     * role's share. Does nothing where cgroups are not writable; a process that already exited is skipped.
     */
    public synchronized void place(String processName, long pid, CpuShares.Role role) {
        if (unavailable != null) {
            return;
        }
        Path group = root.resolve(groupName(processName));
        try {
            Files.createDirectories(group);
            Files.writeString(group.resolve("cpu.shares"), Integer.toString(role.shares()));
            List<Long> pids = new ArrayList<>();
            pids.add(pid);
            ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
            for (long each : pids) {
                try {
                    Files.writeString(group.resolve("cgroup.procs"), Long.toString(each));
                } catch (IOException exited) {
                    // the process ended between the listing and the move
                }
            }
            placed.put(groupName(processName), role.shares());
            roles.put(processName, role);
        } catch (IOException e) {
            System.out.println("[cpu shares] cannot place " + processName + " (PID " + pid + "): " + e.getMessage());
        }
    }

    /**
     * Moves another process into the group of a process already placed (a CPU hog inside an instance's task, as FIS's
     * task CPU stress runs inside the task): it takes its CPU from that share only.
     */
    public synchronized void join(String placedProcess, long pid) {
        if (unavailable != null || !roles.containsKey(placedProcess)) {
            return;
        }
        place(placedProcess, pid, roles.get(placedProcess));
    }

    /** A group name the kernel accepts: the process's name without separators. */
    static String groupName(String processName) {
        String name = processName.replaceAll("[^A-Za-z0-9_.-]", "_");
        return name.isEmpty() ? "process" : name;
    }

    /** The shares applied (group: shares), or why none were. */
    public synchronized String describe() {
        if (unavailable != null) {
            return "CPU shares not applied (" + unavailable + "): the processes share the host's CPU as the kernel schedules their threads";
        }
        return "CPU shares (cgroup v1 cpu.shares, one group per process, as ECS's CPU units per task): " + CpuShares.describe()
                + "; groups placed: " + placed;
    }

    /** The shares a process was placed with, for figures beside its CPU use; 0 when it was not placed. */
    public synchronized int sharesOf(String processName) {
        CpuShares.Role role = roles.get(processName);
        return role == null ? 0 : role.shares();
    }

    /** Moves the harness back to the root group and removes every group of this run (the others' processes have ended). */
    @Override
    public synchronized void close() {
        if (unavailable != null || root == null || !Files.isDirectory(root)) {
            return;
        }
        try {
            Files.writeString(root.getParent().resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            // the harness stays in its group until it exits: the kernel removes nothing, the next run cleans up
        }
        removeGroup(root);
    }

    private static void removeLeftovers(Path hierarchy) throws IOException {
        try (Stream<Path> groups = Files.list(hierarchy)) {
            for (Path group : groups.filter(p -> p.getFileName().toString().startsWith("faithbot-")).toList()) {
                long pid = parsePid(group.getFileName().toString().substring("faithbot-".length()));
                if (pid < 0 || ProcessHandle.of(pid).isEmpty()) {
                    removeGroup(group);
                }
            }
        }
    }

    private static long parsePid(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** rmdir of the group's children, then of the group: the kernel refuses while a group holds a process. */
    private static void removeGroup(Path group) {
        try (Stream<Path> children = Files.list(group)) {
            for (Path child : children.filter(Files::isDirectory).toList()) {
                removeGroup(child);
            }
        } catch (IOException e) {
            return;
        }
        try {
            Files.delete(group);
        } catch (IOException e) {
            // still in use by a process that has not ended yet
        }
    }
}

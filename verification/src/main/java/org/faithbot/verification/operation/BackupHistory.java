package org.faithbot.verification.operation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The backup jobs of the service's vault over a window, from AWS Backup: finished jobs by state; the success rate is
 * the completed ones over every finished one (COMPLETED, FAILED, ABORTED, EXPIRED, PARTIAL); jobs still running are
 * left out and counted apart.
 */
public record BackupHistory(OperationWindow window, List<Job> jobs) {

    public record Job(String id, String resource, String state, Instant created, String message) {
    }

    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "ABORTED", "EXPIRED", "PARTIAL");

    public List<Job> finished() {
        return jobs.stream().filter(j -> FINISHED.contains(j.state())).filter(j -> window.contains(j.created())).toList();
    }

    public long completed() {
        return finished().stream().filter(j -> "COMPLETED".equals(j.state())).count();
    }

    public double successPercent() {
        List<Job> finished = finished();
        return finished.isEmpty() ? Double.NaN : 100.0 * completed() / finished.size();
    }

    public String describe() {
        Map<String, Long> byState = new TreeMap<>();
        jobs.forEach(j -> byState.merge(j.state(), 1L, Long::sum));
        List<String> failed = finished().stream().filter(j -> !"COMPLETED".equals(j.state()))
                .map(j -> j.id() + " " + j.state() + " " + j.resource() + (j.message() == null ? "" : " (" + j.message() + ")")).toList();
        return "backup jobs over " + window + " by state: " + byState + (failed.isEmpty() ? "" : "; not completed: " + failed);
    }
}

package org.faithbot.verification.recovery;

import org.faithbot.verification.traffic.AcknowledgedWrite;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The data a recovery lost, measured: the acknowledged writes (up to the disaster) not found intact
 * in the restored tables, and the recovery point actual (RPO): from the acknowledgement of the
 * oldest write lost to the disaster, zero when nothing was lost.
 *
 * @param acknowledgedBeforeDisaster writes the service acknowledged before the disaster struck
 * @param lost                       those not found intact after the restore
 */
public record DataLossWindow(Instant disasterAt, Instant recoveryPoint, int acknowledgedBeforeDisaster, List<AcknowledgedWrite> lost) {

    public DataLossWindow {
        lost = List.copyOf(lost);
    }

    public static DataLossWindow of(Instant disasterAt, Instant recoveryPoint, List<AcknowledgedWrite> acknowledgedBeforeDisaster,
                                    Set<AcknowledgedWrite> notIntact) {
        List<AcknowledgedWrite> lost = acknowledgedBeforeDisaster.stream().filter(notIntact::contains)
                .sorted(Comparator.comparing(AcknowledgedWrite::acknowledgedAt)).toList();
        return new DataLossWindow(disasterAt, recoveryPoint, acknowledgedBeforeDisaster.size(), lost);
    }

    public Optional<AcknowledgedWrite> oldestLost() {
        return lost.stream().findFirst();
    }

    /** Disaster time minus the acknowledgement time of the oldest write lost; zero when none was lost. */
    public Duration rpo() {
        return oldestLost().map(w -> Duration.between(w.acknowledgedAt(), disasterAt)).orElse(Duration.ZERO);
    }
}

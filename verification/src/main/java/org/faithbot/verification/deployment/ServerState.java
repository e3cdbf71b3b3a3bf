package org.faithbot.verification.deployment;

/**
 * One server of the balancer's backend as a deployment reads it: its health and administrative
 * state, its weight, what it is serving now, and its cumulative response counters.
 *
 * @param status          the balancer's status: UP, DOWN, MAINT, DRAIN, NOLB, or a transition such as "UP 1/2"
 * @param weight          the effective weight (0: no new requests)
 * @param currentSessions requests (sessions) in flight on the server now
 * @param responses       every response the server returned (any status)
 * @param errors          5xx responses plus responses the server broke off (what a user sees as a failure)
 * @param address         host:port the server points at
 */
public record ServerState(String name, String status, int weight, long currentSessions, long responses, long errors, String address) {

    public boolean inMaintenance() {
        return status.startsWith("MAINT");
    }

    public boolean draining() {
        return status.startsWith("DRAIN");
    }

    public boolean healthy() {
        return status.equals("UP") || status.equals("DRAIN") || status.equals("NOLB");
    }

    /** Up and given a share of new requests. */
    public boolean inRotation() {
        return status.equals("UP") && weight > 0;
    }

    /**
     * Set to take new requests (ready, with a weight), whatever its health checks say now: a server of
     * the running release even while a check fails under load.
     */
    public boolean active() {
        return adminState() == AdminState.READY && weight > 0;
    }

    /** The administrative state to restore: maint, drain or ready. */
    public AdminState adminState() {
        if (inMaintenance()) {
            return AdminState.MAINT;
        }
        return draining() ? AdminState.DRAIN : AdminState.READY;
    }

    /** The states a deployment sets on a server through the balancer's runtime API. */
    public enum AdminState {
        READY, DRAIN, MAINT;

        public String command() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

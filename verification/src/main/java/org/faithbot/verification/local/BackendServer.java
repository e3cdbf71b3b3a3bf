package org.faithbot.verification.local;

/**
 * One server line of HAProxy's {@code show stat}: its health status as the balancer sees it and
 * the counters of what the balancer sent it.
 *
 * @param status          UP, DOWN, MAINT, DRAIN, or a transition such as "UP 1/2"
 * @param totalSessions   sessions the balancer has sent this server (stot)
 * @param responses5xx    5xx responses the server returned (hrsp_5xx)
 */
public record BackendServer(String name, String status, long totalSessions, long responses5xx, String lastCheck) {

    public boolean isUp() {
        return status.equals("UP");
    }

    public boolean isDown() {
        return status.startsWith("DOWN");
    }
}

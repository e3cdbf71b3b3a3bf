package org.faithbot.verification.deployment;

import java.util.Map;
import java.util.Optional;

/**
 * The load balancer in front of the service as a deployment drives it: servers, their states and
 * weights, changed while traffic flows, and new instances put behind it without a reload.
 * Locally this is HAProxy's runtime API ({@link HaproxyBalancer}).
 */
public interface Balancer {

    /** Every server of the service's backend, by name, as the balancer sees it now. */
    Map<String, ServerState> servers();

    default ServerState server(String name) {
        ServerState server = servers().get(name);
        if (server == null) {
            throw new IllegalArgumentException("no server " + name + " behind the balancer: " + servers().keySet());
        }
        return server;
    }

    /** The public entry point's counters: every response it sent and the failed ones (5xx, whoever produced them). */
    Counters frontend();

    void setState(String server, ServerState.AdminState state);

    void setWeight(String server, int weight);

    /**
     * Puts a server in rotation with this weight so that it takes traffic at once, the requests
     * already waiting in the balancer's queue included: a new release's server at a switch or a
     * canary step, the previous release's at a rollback.
     */
    default void admit(String server, int weight) {
        setWeight(server, weight);
        setState(server, ServerState.AdminState.READY);
    }

    /**
     * Puts a new instance behind the balancer, in maintenance, without a reload: the server named
     * like the instance when the configuration has one, else a free spare slot pointed at its port.
     * Returns the server's name; it takes traffic once set ready with a weight.
     */
    String attach(String instance, int port);

    /** Frees the server of an instance that is being retired: maintenance, and its slot free for the next one. */
    void detach(String server);

    /** The server an instance is behind, if any. */
    Optional<String> serverOf(String instance);

    /** The instance behind a server, if any. */
    Optional<String> instanceBehind(String server);

    /**
     * Cumulative response counters.
     *
     * @param failed 5xx responses plus requests answered with no response (broken off)
     */
    record Counters(long responses, long failed) {

        public Counters minus(Counters earlier) {
            return new Counters(responses - earlier.responses, failed - earlier.failed);
        }
    }
}

package org.faithbot.verification.traffic;

import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.http.ServiceClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The steady-state probe: a few users chatting through the public entry point at a steady pace
 * while something happens to the service (a deployment, a fault), every request sampled (start,
 * latency, status) and every acknowledged write kept in a ledger, so that afterwards the error rate
 * and p95 of any window, the recovery time and the lost writes can be measured. It runs beside the
 * Gatling load, not instead of it. It stops by itself after {@code maxDuration}.
 */
public final class TrafficProbe implements AutoCloseable {

    private final TokenIssuer tokens;
    private final PacedChat chat;

    private TrafficProbe(String baseUrl, TokenIssuer tokens, int clients, Duration pace, Duration maxDuration) {
        this.tokens = tokens;
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            users.add(TestUser.fresh("Probe"));
        }
        this.chat = new PacedChat(users, tokens, () -> baseUrl, pace, Instant.now().plus(maxDuration),
                (user, sent) -> "Steady me, please (probe " + PacedChat.shortId(user) + " #" + sent + ")", PacedChat.Gate.OPEN,
                new WriteLedger(), "probe-");
    }

    /** Starts {@code clients} users, each sending one chat message every {@code pace}, for at most {@code maxDuration}. */
    public static TrafficProbe start(String baseUrl, TokenIssuer tokens, int clients, Duration pace, Duration maxDuration) {
        TrafficProbe probe = new TrafficProbe(baseUrl, tokens, clients, pace, maxDuration);
        probe.chat.start();
        return probe;
    }

    /** Stops every user and waits for their last request. */
    public void stop() {
        chat.stop();
    }

    @Override
    public void close() {
        stop();
    }

    public ProbeTimeline timeline() {
        return chat.timeline();
    }

    public WriteLedger ledger() {
        return chat.ledger();
    }

    public List<TestUser> users() {
        return chat.users();
    }

    /**
     * Every write the service acknowledged that its users' exports no longer hold: lost writes.
     * Reads each user's export through {@code baseUrl} (the service as it stands after the event).
     */
    public List<AcknowledgedWrite> lostWrites(String readUrl) {
        List<AcknowledgedWrite> lost = new ArrayList<>();
        for (TestUser user : users()) {
            List<String> held = ServiceClient.export(readUrl, tokens.tokenFor(user))
                    .orElseThrow(() -> new IllegalStateException("the export of probe user " + user.id() + " did not answer"))
                    .messages().stream().map(m -> String.valueOf(m.get("messageId"))).toList();
            ledger().writes().stream().filter(w -> w.userId().equals(user.id()) && !held.contains(w.messageId())).forEach(lost::add);
        }
        return lost;
    }
}

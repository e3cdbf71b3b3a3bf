package org.faithbot.verification.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.recovery.AcknowledgedWrite;
import org.faithbot.verification.recovery.ServiceClient;
import org.faithbot.verification.recovery.WriteLedger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The steady-state probe: a few users chatting through the public entry point at a steady pace
 * while something happens to the service (a deployment, a fault), every request sampled (start,
 * latency, status) and every acknowledged write kept in a ledger, so that afterwards the error rate
 * and p95 of any window, the recovery time and the lost writes can be measured. It runs beside the
 * Gatling load, not instead of it. It stops by itself after {@code maxDuration}.
 */
public final class TrafficProbe implements AutoCloseable {

    private final String baseUrl;
    private final TokenIssuer tokens;
    private final List<TestUser> users = new ArrayList<>();
    private final Duration pace;
    private final Instant deadline;
    private final WriteLedger ledger = new WriteLedger();
    private final List<ProbeSample> samples = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    private TrafficProbe(String baseUrl, TokenIssuer tokens, int clients, Duration pace, Duration maxDuration) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
        this.pace = pace;
        this.deadline = Instant.now().plus(maxDuration);
        for (int i = 0; i < clients; i++) {
            users.add(TestUser.fresh("Probe"));
        }
    }

    /** Starts {@code clients} users, each sending one chat message every {@code pace}, for at most {@code maxDuration}. */
    public static TrafficProbe start(String baseUrl, TokenIssuer tokens, int clients, Duration pace, Duration maxDuration) {
        TrafficProbe probe = new TrafficProbe(baseUrl, tokens, clients, pace, maxDuration);
        for (TestUser user : probe.users) {
            probe.threads.add(Thread.ofPlatform().name("probe-" + user.id().substring(5, 13)).daemon(true).start(() -> probe.chat(user)));
        }
        return probe;
    }

    private void chat(TestUser user) {
        String token = tokens.tokenFor(user);
        String conversationId = null;
        int sent = 0;
        while (running.get() && Instant.now().isBefore(deadline)) {
            long started = System.nanoTime();
            Instant startedAt = Instant.now();
            String text = "Steady me, please (probe " + user.id().substring(5, 13) + " #" + sent++ + ")";
            ServiceClient.ChatAnswer answer = ServiceClient.chat(baseUrl, token, text, conversationId);
            double millis = (System.nanoTime() - started) / 1e6;
            synchronized (samples) {
                samples.add(new ProbeSample(startedAt, millis, answer.status()));
            }
            if (answer.acknowledged()) {
                AcknowledgedWrite write = acknowledged(user, text, answer.body());
                ledger.acknowledged(write);
                conversationId = write.conversationId();
            } else {
                ledger.refused();
            }
            long rest = pace.toNanos() - (System.nanoTime() - started);
            if (rest > 0) {
                LockSupport.parkNanos(rest);
            }
        }
    }

    private static AcknowledgedWrite acknowledged(TestUser user, String text, JsonNode body) {
        return new AcknowledgedWrite(user.id(), body.path("conversationId").asText(), body.path("messageId").asText(), text,
                body.at("/reply/text").asText(), body.at("/reply/topic").asText(), body.at("/reply/scripture/reference").asText(),
                body.path("createdAt").asText(), Instant.now());
    }

    /** Stops every user and waits for their last request. */
    public void stop() {
        running.set(false);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public ProbeTimeline timeline() {
        synchronized (samples) {
            return new ProbeTimeline(samples.stream().sorted(java.util.Comparator.comparing(ProbeSample::startedAt)).toList());
        }
    }

    public WriteLedger ledger() {
        return ledger;
    }

    public List<TestUser> users() {
        return List.copyOf(users);
    }

    /**
     * Every write the service acknowledged that its users' exports no longer hold: lost writes.
     * Reads each user's export through {@code baseUrl} (the service as it stands after the event).
     */
    public List<AcknowledgedWrite> lostWrites(String readUrl) {
        List<AcknowledgedWrite> lost = new ArrayList<>();
        for (TestUser user : users) {
            List<String> held = ServiceClient.export(readUrl, tokens.tokenFor(user))
                    .orElseThrow(() -> new IllegalStateException("the export of probe user " + user.id() + " did not answer"))
                    .messages().stream().map(m -> String.valueOf(m.get("messageId"))).toList();
            ledger.writes().stream().filter(w -> w.userId().equals(user.id()) && !held.contains(w.messageId())).forEach(lost::add);
        }
        return lost;
    }
}

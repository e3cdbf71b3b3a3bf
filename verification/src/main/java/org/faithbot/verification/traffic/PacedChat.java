package org.faithbot.verification.traffic;

import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.http.ServiceClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Users chatting with the service at a steady pace: one thread per user, each sending a message
 * every {@code pace} in one conversation, until stopped or its deadline. Every request is sampled
 * (start, latency, status) and every acknowledged turn kept in the ledger with the instant its
 * acknowledgement arrived; every refused one is counted. Each request passes through a {@link Gate}
 * (a drill's backup checkpoint holds them for an instant).
 */
public final class PacedChat {

    /** What each request passes through before it is sent. */
    @FunctionalInterface
    public interface Gate {

        /** No gate: every request goes at once. */
        Gate OPEN = Supplier::get;

        AcknowledgedWrite pass(Supplier<AcknowledgedWrite> request);
    }

    private final List<TestUser> users;
    private final TokenIssuer tokens;
    private final Supplier<String> serviceUrl;
    private final Duration pace;
    private final Instant deadline;
    private final BiFunction<TestUser, Integer, String> messages;
    private final Gate gate;
    private final WriteLedger ledger;
    private final String threadName;
    private final List<ProbeSample> samples = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param serviceUrl where the service answers now (it may move during a drill)
     * @param deadline   when every user stops by itself ({@link Instant#MAX}: only when stopped)
     * @param messages   the text of a user's n-th message
     * @param threadName the users' threads' name, followed by their id
     */
    public PacedChat(List<TestUser> users, TokenIssuer tokens, Supplier<String> serviceUrl, Duration pace, Instant deadline,
                     BiFunction<TestUser, Integer, String> messages, Gate gate, WriteLedger ledger, String threadName) {
        this.users = List.copyOf(users);
        this.tokens = tokens;
        this.serviceUrl = serviceUrl;
        this.pace = pace;
        this.deadline = deadline;
        this.messages = messages;
        this.gate = gate;
        this.ledger = ledger;
        this.threadName = threadName;
    }

    /** A user's short id, as messages and thread names show it. */
    public static String shortId(TestUser user) {
        return user.id().substring(5, 13);
    }

    public void start() {
        running.set(true);
        for (TestUser user : users) {
            threads.add(Thread.ofPlatform().name(threadName + shortId(user)).daemon().start(() -> chat(user)));
        }
    }

    private void chat(TestUser user) {
        String token = tokens.tokenFor(user);
        String conversationId = null;
        int sent = 0;
        while (running.get() && Instant.now().isBefore(deadline)) {
            long started = System.nanoTime();
            String text = messages.apply(user, sent++);
            String conversation = conversationId;
            AcknowledgedWrite write = gate.pass(() -> send(user, token, text, conversation));
            if (write == null) {
                ledger.refused();
            } else {
                ledger.acknowledged(write);
                conversationId = write.conversationId();
            }
            long rest = pace.toNanos() - (System.nanoTime() - started);
            if (rest > 0 && running.get()) {
                LockSupport.parkNanos(rest);
            }
        }
    }

    /** One chat turn, sampled: the write it acknowledged, or null. */
    private AcknowledgedWrite send(TestUser user, String token, String text, String conversationId) {
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        ServiceClient.ChatAnswer answer = ServiceClient.chat(serviceUrl.get(), token, text, conversationId);
        double millis = (System.nanoTime() - started) / 1e6;
        synchronized (samples) {
            samples.add(new ProbeSample(startedAt, millis, answer.status()));
        }
        return answer.acknowledged() ? AcknowledgedWrite.of(user.id(), text, answer.body(), Instant.now()) : null;
    }

    /** One user's turns one after another (no pacing, no gate, no sampling): the writes acknowledged, in order; fails on the first refused. */
    public static List<AcknowledgedWrite> turns(String baseUrl, TokenIssuer tokens, TestUser user, int count,
                                                BiFunction<TestUser, Integer, String> messages) {
        String token = tokens.tokenFor(user);
        List<AcknowledgedWrite> writes = new ArrayList<>();
        String conversationId = null;
        for (int i = 0; i < count; i++) {
            String text = messages.apply(user, i);
            ServiceClient.ChatAnswer answer = ServiceClient.chat(baseUrl, token, text, conversationId);
            if (!answer.acknowledged()) {
                throw new IllegalStateException("the service did not acknowledge message " + i + " of " + user.id());
            }
            AcknowledgedWrite write = AcknowledgedWrite.of(user.id(), text, answer.body(), Instant.now());
            writes.add(write);
            conversationId = write.conversationId();
        }
        return writes;
    }

    /** Stops every user and waits until their last request has ended (at most 15 s each). */
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
        threads.clear();
    }

    public boolean running() {
        return running.get();
    }

    /** Every request so far, by start. */
    public ProbeTimeline timeline() {
        synchronized (samples) {
            return new ProbeTimeline(samples.stream().sorted(Comparator.comparing(ProbeSample::startedAt)).toList());
        }
    }

    public WriteLedger ledger() {
        return ledger;
    }

    public List<TestUser> users() {
        return users;
    }
}

package org.faithbot.verification.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Users chatting with the service while a drill runs: one thread per user, each sending a message
 * at a steady pace in one conversation, every acknowledged turn recorded in the ledger with the
 * instant its acknowledgement arrived. Requests pass through the write gate, so a backup checkpoint
 * can hold them for an instant.
 */
public final class ChatTraffic {

    private static final String[] MESSAGES = {
            "I need strength for today", "I feel anxious about my exams", "Thank you for the hope you give me",
            "I lost my job and feel lost", "Help me forgive my brother", "I am grateful for my family"};

    private final List<TestUser> users;
    private final TokenIssuer tokens;
    private final Supplier<String> serviceUrl;
    private final Duration pace;
    private final WriteLedger ledger;
    private final WriteGate gate;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    ChatTraffic(List<TestUser> users, TokenIssuer tokens, Supplier<String> serviceUrl, Duration pace, WriteLedger ledger, WriteGate gate) {
        this.users = List.copyOf(users);
        this.tokens = tokens;
        this.serviceUrl = serviceUrl;
        this.pace = pace;
        this.ledger = ledger;
        this.gate = gate;
    }

    void start() {
        running.set(true);
        for (TestUser user : users) {
            threads.add(Thread.ofPlatform().name("drill-writer-" + user.id().substring(5, 13)).daemon().start(() -> chat(user)));
        }
    }

    private void chat(TestUser user) {
        String token = tokens.tokenFor(user);
        String conversationId = null;
        int sent = 0;
        while (running.get()) {
            long started = System.nanoTime();
            String text = MESSAGES[sent % MESSAGES.length] + " (drill " + user.id().substring(5, 13) + " #" + sent + ")";
            String conversation = conversationId;
            AcknowledgedWrite write = gate.write(() -> send(user, token, text, conversation));
            sent++;
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

    private AcknowledgedWrite send(TestUser user, String token, String text, String conversationId) {
        ServiceClient.ChatAnswer answer = ServiceClient.chat(serviceUrl.get(), token, text, conversationId);
        if (!answer.acknowledged()) {
            return null;
        }
        Instant acknowledgedAt = Instant.now();
        JsonNode body = answer.body();
        return new AcknowledgedWrite(user.id(), ServiceClient.text(body, "/conversationId"), ServiceClient.text(body, "/messageId"), text,
                ServiceClient.text(body, "/reply/text"), ServiceClient.text(body, "/reply/topic"),
                ServiceClient.text(body, "/reply/scripture/reference"), ServiceClient.text(body, "/createdAt"), acknowledgedAt);
    }

    /** One user's turns one after another (no pacing, no gate): the writes acknowledged, in order. */
    public static List<AcknowledgedWrite> turns(String baseUrl, TokenIssuer tokens, TestUser user, int count) {
        ChatTraffic single = new ChatTraffic(List.of(user), tokens, () -> baseUrl, Duration.ZERO, new WriteLedger(), new WriteGate());
        String token = tokens.tokenFor(user);
        List<AcknowledgedWrite> writes = new ArrayList<>();
        String conversationId = null;
        for (int i = 0; i < count; i++) {
            AcknowledgedWrite write = single.send(user, token, MESSAGES[i % MESSAGES.length] + " (drill " + user.id().substring(5, 13)
                    + " #" + i + ")", conversationId);
            if (write == null) {
                throw new IllegalStateException("the service did not acknowledge message " + i + " of " + user.id());
            }
            writes.add(write);
            conversationId = write.conversationId();
        }
        return writes;
    }

    /** Stops every user and waits until their last request has ended. */
    void stop() {
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

    boolean isRunning() {
        return running.get();
    }

    List<TestUser> users() {
        return users;
    }
}

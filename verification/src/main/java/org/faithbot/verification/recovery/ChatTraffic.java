package org.faithbot.verification.recovery;

import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.faithbot.verification.traffic.PacedChat;
import org.faithbot.verification.traffic.WriteLedger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Users chatting with the service while a drill runs ({@link PacedChat}): each sends a message at
 * a steady pace in one conversation, every acknowledged turn recorded in the ledger. Requests pass
 * through the write gate, so a backup checkpoint can hold them for an instant.
 */
public final class ChatTraffic {

    private static final String[] MESSAGES = {
            "I need strength for today", "I feel anxious about my exams", "Thank you for the hope you give me",
            "I lost my job and feel lost", "Help me forgive my brother", "I am grateful for my family"};

    private final PacedChat chat;

    ChatTraffic(List<TestUser> users, TokenIssuer tokens, Supplier<String> serviceUrl, Duration pace, WriteLedger ledger, WriteGate gate) {
        this.chat = new PacedChat(users, tokens, serviceUrl, pace, Instant.MAX, ChatTraffic::message, gate::write, ledger, "drill-writer-");
    }

    private static String message(TestUser user, int sent) {
        return MESSAGES[sent % MESSAGES.length] + " (drill " + PacedChat.shortId(user) + " #" + sent + ")";
    }

    void start() {
        chat.start();
    }

    /** One user's turns one after another (no pacing, no gate): the writes acknowledged, in order. */
    public static List<AcknowledgedWrite> turns(String baseUrl, TokenIssuer tokens, TestUser user, int count) {
        return PacedChat.turns(baseUrl, tokens, user, count, ChatTraffic::message);
    }

    /** Stops every user and waits until their last request has ended. */
    void stop() {
        chat.stop();
    }

    boolean isRunning() {
        return chat.running();
    }

    List<TestUser> users() {
        return chat.users();
    }
}

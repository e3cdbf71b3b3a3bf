package org.faithbot.verification.privacy;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.faithbot.verification.http.ServiceApi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One user's privacy choices made through the service's API, as a member makes them: registration with explicit
 * consents (each naming the current version of its document, as the service lists it), a change of the analytics
 * consent, the CCPA opt-out of the sale or sharing of her personal information, chat turns with or without the
 * browser's Global Privacy Control signal. Each request is an exchange of the scenario's API (its request id and the
 * instance that served it); the chat turns and the opt-out are kept for the checks that follow.
 */
public final class PrivacyAccount {

    private static final List<String> MESSAGES = List.of("I am grateful for my family today", "What is my purpose this week",
            "I need some hope for tomorrow", "I am thankful for my friends");

    private final ServiceApi api;
    private final String token;
    private final String note;
    private final List<ServiceApi.Exchange> chatTurns = new ArrayList<>();
    private final List<String> sentMessages = new ArrayList<>();
    private String conversationId;
    private ServiceApi.Exchange optOut;

    /** @param note a few characters unique to the user, written into each message so that its text can be searched for */
    public PrivacyAccount(ServiceApi api, String token, String note) {
        this.api = api;
        this.token = token;
        this.note = note;
    }

    /** Registers the account with consent to the terms of service and the privacy policy, and to analytics as given. */
    public void register(boolean analytics) {
        Response purposes = expect(api.consents(token), 200, "the consent purposes");
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (Map<String, Object> purpose : purposes.jsonPath().<Map<String, Object>>getList("purposes")) {
            boolean required = Boolean.TRUE.equals(purpose.get("required"));
            decisions.add(decision(purpose, required || analytics && "analytics".equals(purpose.get("purpose"))));
        }
        expect(api.register(token, decisions), 201, "registration with consents " + decisions);
    }

    /** Gives (or withdraws) the consent to analytics, naming the current version of its document. */
    public void consentToAnalytics(boolean granted) {
        Response purposes = expect(api.consents(token), 200, "the consent purposes");
        Map<String, Object> analytics = purposes.jsonPath().<Map<String, Object>>getList("purposes").stream()
                .filter(p -> "analytics".equals(p.get("purpose"))).findFirst()
                .orElseThrow(() -> new AssertionError("the service lists no analytics purpose: " + purposes.asString()));
        expect(api.changeConsents(token, List.of(decision(analytics, granted))), 200, "the analytics consent");
    }

    /** Opts out of the sale or sharing of her personal information; the service must answer with the opt-out recorded. */
    public void optOut() {
        Response answer = expect(api.saleSharingOptOut(token, true), 200, "the opt-out");
        if (!answer.jsonPath().getBoolean("optOut")) {
            throw new AssertionError("the service did not record the opt-out: " + answer.asString());
        }
        optOut = api.exchanges().getLast();
    }

    /**
     * Sends {@code count} chat messages, with the Global Privacy Control signal ({@code Sec-GPC: 1}) or without; the first
     * turn with the signal is her opt-out when she has not opted out through the API.
     */
    public void chat(int count, boolean globalPrivacyControl) {
        for (int i = 0; i < count; i++) {
            String message = MESSAGES.get(sentMessages.size() % MESSAGES.size()) + " (note " + note + "-" + sentMessages.size() + ")";
            Response answer = expect(globalPrivacyControl ? api.chatWithGlobalPrivacyControl(token, message, conversationId)
                    : api.chat(token, message, conversationId), 200, "the chat answer to '" + message + "'");
            conversationId = answer.jsonPath().getString("conversationId");
            chatTurns.add(api.exchanges().getLast());
            sentMessages.add(message);
            if (globalPrivacyControl && optOut == null) {
                optOut = chatTurns.getLast();
            }
        }
    }

    /** The chat turns so far, in order. */
    public List<ServiceApi.Exchange> chatTurns() {
        return List.copyOf(chatTurns);
    }

    /** The chat turns sent since the opt-out was sent, the turn that carried it included (none when she did not opt out). */
    public List<ServiceApi.Exchange> chatTurnsSinceOptOut() {
        return optOut == null ? List.of() : chatTurns.stream().filter(t -> !t.sentAt().isBefore(optOut.sentAt())).toList();
    }

    /** The request that opted her out (through the API, or the first chat turn with the signal), or null when none did. */
    public ServiceApi.Exchange optOutRequest() {
        return optOut;
    }

    public List<String> sentMessages() {
        return List.copyOf(sentMessages);
    }

    /** Her export as the service gives it now. */
    public JsonPath export() {
        return expect(api.export(token), 200, "the export").jsonPath();
    }

    /** Her privacy audit entries as the service shows them to her, newest first. */
    public List<Map<String, Object>> auditEntries() {
        return expect(api.privacyAudit(token), 200, "the privacy audit entries").jsonPath().getList("$");
    }

    private static Map<String, Object> decision(Map<String, Object> purpose, boolean granted) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("purpose", purpose.get("purpose"));
        decision.put("version", purpose.get("currentVersion"));
        decision.put("granted", granted);
        return decision;
    }

    private static Response expect(Response response, int status, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + ": expected HTTP " + status + ", got " + response.statusCode() + ": " + response.asString());
        }
        return response;
    }
}

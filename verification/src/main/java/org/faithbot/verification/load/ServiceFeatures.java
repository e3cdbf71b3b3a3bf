package org.faithbot.verification.load;

import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.http.ServiceClient;
import org.faithbot.verification.load.LoadSettings.Feature;
import org.faithbot.verification.target.Target;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which parts of the service the target answers for, probed with one request each before a load:
 * a journey is only put into the mix when its endpoints exist, and every journey left out is
 * reported with the answer that kept it out (never silently passed over).
 */
public record ServiceFeatures(Set<Feature> available, Map<Feature, String> missing, int chatStatus) {

    public static ServiceFeatures probe(Target target) {
        String token = target.tokens().tokenFor(TestUser.fresh("Probe"));
        int chat = send(target, token, "POST", "/api/v1/chat", "{\"message\":\"Is anyone there? I need some hope\"}", "application/json").status();
        Set<Feature> available = EnumSet.noneOf(Feature.class);
        Map<Feature, String> missing = new LinkedHashMap<>();
        check(Feature.CONVERSATIONS, send(target, token, "GET", "/api/v1/conversations", null, "application/json"), available, missing);
        check(Feature.PRAYERS, send(target, token, "GET", "/api/v1/prayers/mine", null, "application/json"), available, missing);
        check(Feature.VERSES, send(target, token, "GET", "/api/v1/verses/daily", null, "application/json"), available, missing);
        check(Feature.PRIVACY, send(target, token, "PUT", "/api/v1/me/privacy/sale-sharing-opt-out", "{\"optOut\":true}", "application/json"),
                available, missing);
        Answer page = send(target, token, "GET", "/", null, "text/html");
        if (page.status() == 200 && !page.contentType().startsWith("text/html")) {
            page = new Answer(page.status(), page.contentType(), "GET / answered " + page.contentType() + ", not a web page");
        }
        check(Feature.WEB, page, available, missing);
        send(target, token, "DELETE", "/api/v1/me", null, "application/json"); // the probe user leaves nothing behind
        return new ServiceFeatures(available, missing, chat);
    }

    private static void check(Feature feature, Answer answer, Set<Feature> available, Map<Feature, String> missing) {
        if (answer.status() >= 200 && answer.status() < 300 && answer.note() == null) {
            available.add(feature);
        } else {
            missing.put(feature, answer.note() != null ? answer.note() : answer.request() + " answered " + answer.status());
        }
    }

    private record Answer(int status, String contentType, String note, String request) {
        Answer(int status, String contentType, String note) {
            this(status, contentType, note, "");
        }
    }

    private static Answer send(Target target, String token, String method, String path, String body, String accept) {
        ServiceClient.Reply reply = ServiceClient.send(method, target.baseUrl() + path, token, body, accept, Duration.ofSeconds(10));
        if (!reply.answered()) {
            return new Answer(-1, "", method + " " + path + " failed: " + reply.failure(), method + " " + path);
        }
        return new Answer(reply.status(), reply.header("Content-Type").orElse(""), null, method + " " + path);
    }

    /** Whether the target serves chat at all (a load against a target that does not would measure nothing but errors). */
    public boolean serves() {
        return chatStatus == 200;
    }

    public boolean has(Feature feature) {
        return available.contains(feature);
    }

    public String describe() {
        StringBuilder text = new StringBuilder("journeys' endpoints available: " + available);
        missing.forEach((feature, why) -> text.append("\n  not available, left out of the load: ").append(feature).append(" (").append(why).append(')'));
        return text.toString();
    }
}

package org.faithbot.verification.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * OWASP A05 (security misconfiguration), the headers half: a request for each kind of answer a service instance
 * gives, from the application (pages, API reads and writes, a revalidated page), from its refusals (no token, the
 * wrong role, no such path or method, an unacceptable or unsupported type, a bad parameter), from the security
 * chain's firewall and from the container, and from a release that fails (its chats and its readiness probe). Each
 * answer is judged on the promised headers and on its body (no stack trace; a refusal of an API or page request is a
 * problem with its reason).
 */
public final class ResponseClasses {

    /** One request: what it is, to which instance (the serving one or the failing release's), and the status class expected. */
    public record Probe(String name, boolean toFailingRelease, String head, byte[] rawHeaderBytes, byte[] body, int expectedClass) {
    }

    /** One answer: the probe, the status, and what it lacks. */
    public record Answered(Probe probe, String address, int status, List<String> lacks) {
        public boolean inExpectedClass() {
            return status / 100 == probe.expectedClass();
        }

        public String describe() {
            return address + " " + probe.name() + ": " + status + (inExpectedClass() ? "" : " (expected " + probe.expectedClass() + "xx)")
                    + (lacks.isEmpty() ? "" : " LACKS " + lacks);
        }
    }

    private ResponseClasses() {
    }

    /**
     * @param bearer   {@code Authorization: Bearer ...} of a member
     * @param pageEtag the ETag the page was served with (its revalidation is the 3xx)
     */
    public static List<Probe> probes(String bearer, String pageEtag) {
        byte[] chat = "{\"message\":\"I feel hopeful today\"}".getBytes(StandardCharsets.UTF_8);
        byte[] title = "{\"title\":\"response classes\"}".getBytes(StandardCharsets.UTF_8);
        String json = "\r\nContent-Type: application/json";
        return List.of(
                new Probe("the page", false, "GET / HTTP/1.1", null, null, 2),
                new Probe("the daily verse", false, "GET /api/v1/verses/daily HTTP/1.1\r\n" + bearer, null, null, 2),
                new Probe("a new conversation (201)", false, "POST /api/v1/conversations HTTP/1.1\r\n" + bearer + json, null, title, 2),
                new Probe("a chat", false, "POST /api/v1/chat HTTP/1.1\r\n" + bearer + json, null, chat, 2),
                new Probe("the health probe", false, "GET /actuator/health HTTP/1.1", null, null, 2),
                new Probe("the page revalidated (If-None-Match: its ETag)", false, "GET / HTTP/1.1\r\nIf-None-Match: " + pageEtag, null, null, 3),
                new Probe("no token (401)", false, "GET /api/v1/conversations HTTP/1.1", null, null, 4),
                new Probe("a member on the support queue (403)", false, "GET /api/v1/support/escalations HTTP/1.1\r\n" + bearer, null, null, 4),
                new Probe("no such path (404)", false, "GET /api/v1/no-such-thing HTTP/1.1\r\n" + bearer, null, null, 4),
                new Probe("no such method (405)", false, "DELETE /api/v1/verses/daily HTTP/1.1\r\n" + bearer, null, null, 4),
                new Probe("an unacceptable type (406)", false, "GET /api/v1/conversations HTTP/1.1\r\n" + bearer + "\r\nAccept: image/png", null,
                        null, 4),
                new Probe("an unsupported type (415)", false, "POST /api/v1/chat HTTP/1.1\r\n" + bearer + "\r\nContent-Type: text/plain", null,
                        "hello".getBytes(StandardCharsets.UTF_8), 4),
                new Probe("a bad parameter (400)", false, "GET /api/v1/conversations?limit=0 HTTP/1.1\r\n" + bearer, null, null, 4),
                new Probe("the firewall: an encoded slash (400)", false, "GET /api/v1/verses%2F..%2Fdaily HTTP/1.1\r\n" + bearer, null, null, 4),
                new Probe("the container: a control byte in a header (400)", false, "GET /api/v1/verses/daily HTTP/1.1\r\n" + bearer
                        + "\r\nAccept: application/json", new byte[] {0x01}, null, 4),
                new Probe("the failing release's chat (500)", true, "POST /api/v1/chat HTTP/1.1\r\n" + bearer + json, null, chat, 5),
                new Probe("the failing release's readiness probe (503)", true, "GET /actuator/health/readiness HTTP/1.1", null, null, 5));
    }

    public static List<Answered> send(String address, List<Probe> probes) {
        RawHttpClient client = new RawHttpClient(address);
        List<Answered> answers = new ArrayList<>();
        for (Probe probe : probes) {
            try {
                RawHttpClient.Answer answer = client.send(probe.head(), probe.rawHeaderBytes(), probe.body());
                answers.add(new Answered(probe, address, answer.status(), lacks(probe, answer)));
            } catch (IOException e) {
                answers.add(new Answered(probe, address, 0, List.of("an answer (" + e.getClass().getSimpleName() + ")")));
            }
        }
        return answers;
    }

    /** The classes (2, 3, 4, 5) the answers fell in. */
    public static Set<Integer> classesSeen(List<Answered> answers) {
        Set<Integer> classes = new TreeSet<>();
        answers.stream().filter(a -> a.status() > 0).forEach(a -> classes.add(a.status() / 100));
        return classes;
    }

    /** The promised headers and a clean body; a refusal of anything but the actuator's probes a problem with its reason. */
    static List<String> lacks(Probe probe, RawHttpClient.Answer answer) {
        List<String> lacks = new ArrayList<>();
        HostileAnswers.PROMISED_HEADERS.stream().sorted().filter(h -> !answer.headers().containsKey(h)).forEach(h -> lacks.add("the header " + h));
        if (answer.body().contains("Exception") || answer.body().contains("\tat ") || answer.body().contains("org.springframework")
                || answer.body().contains("org.apache")) {
            lacks.add("a body free of stack traces and class names");
        }
        boolean probeOfActuator = probe.head().contains(" /actuator/");
        if (answer.status() >= 400 && !probeOfActuator) {
            String type = answer.header("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json") || !answer.body().contains("\"detail\"")) {
                lacks.add("a problem with its reason");
            }
        }
        return lacks;
    }
}

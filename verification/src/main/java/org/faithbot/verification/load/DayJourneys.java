package org.faithbot.verification.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.load.LoadSettings.Feature;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What the members and the staff do on a production day ({@link DaySimulation}). A member's visit is short (the day
 * is compressed, their pauses with it): they register with their consents, then take one of the day's journeys in
 * the shares of a day's use: chat (some rate the reply), a few in crisis language, the web page and the verse of the
 * day then a question, prayer connect (a few report a community prayer), browsing their conversations, exporting
 * their data, now and then erasing their account. The staff work the queues all day: the prayer team claims and
 * answers prayer requests, a moderator works the reports, support acknowledges the crisis escalations.
 * Every member's chat and prayer texts are unique to them; a sample of members is recorded (their id and what they
 * sent) so that the harness can check afterwards that each finds their data in their export.
 */
public final class DayJourneys {

    /** Every this many members, one is sampled (recorded for the export check). */
    static final int SAMPLE_EVERY = 200;

    private static final String[] MESSAGES = {
            "I feel anxious about tomorrow and cannot sleep",
            "I lost my father last spring and I still grieve",
            "What is my purpose in all this",
            "I am grateful for my family today",
            "I need some hope this week",
            "How do I forgive my brother"};
    private static final String[] CRISIS = {
            "I feel like I want to end it all",
            "Some nights I think everyone would be better off dead without me"};
    private static final String[] PRAYERS = {
            "Please pray for my mother's surgery on Friday",
            "Pray that I find work soon",
            "Give thanks with me for my daughter's recovery",
            "Pray for peace in our family"};
    /** Reading and typing between two steps of a visit: long enough that the peaks hold more than 1000 members at once. */
    private static final Duration PAUSE_MIN = Duration.ofSeconds(6);
    private static final Duration PAUSE_MAX = Duration.ofSeconds(14);

    private final LoadSettings settings;
    private final TokenIssuer tokens;
    private final String registration;
    private final AtomicInteger arrived = new AtomicInteger();
    private final Map<String, AtomicInteger> journeys = new LinkedHashMap<>();
    private final Queue<Map<String, Object>> sampled = new ConcurrentLinkedQueue<>();
    private final Queue<String> memberIds = new ConcurrentLinkedQueue<>();

    /** @param registration the body of a registration with the current consent documents' versions */
    public DayJourneys(LoadSettings settings, String registration) {
        this.settings = settings;
        this.tokens = new TokenIssuer(Base64.getDecoder().decode(settings.jwtSecretBase64()), settings.jwtIssuer());
        this.registration = registration;
    }

    // ---------------------------------------------------------------- the members

    /** A member new to the service opens it: an account and a token of their own; every {@value #SAMPLE_EVERY}th is sampled. */
    public ChainBuilder arrive() {
        return exec(session -> {
            TestUser member = TestUser.fresh("Member");
            int number = arrived.incrementAndGet();
            memberIds.add(member.id());
            return session.set("token", tokens.tokenFor(member))
                    .set("memberId", member.id())
                    .set("sampled", number % SAMPLE_EVERY == 0)
                    .set("sent", List.of())
                    .set("conversationId", "");
        }).exec(http("register with consents").post("/api/v1/accounts")
                .body(StringBody(registration)).asJson()
                .check(status().is(201)));
    }

    /** The day's journeys, in the shares of a day's use. */
    public ChainBuilder dayMix() {
        return randomSwitch().on(
                percent(43).then(counted("chat", chat())),
                percent(1).then(counted("crisis chat", crisisChat())),
                percent(20).then(counted("web visit and a question", webVisit())),
                percent(17).then(counted("prayer connect", prayer())),
                percent(12).then(counted("browse conversations", browse())),
                percent(5).then(counted("export", export())),
                percent(2).then(counted("export and erase", erase())));
    }

    /** Records a sampled member's id and what they sent, once their visit is over. */
    public ChainBuilder leave() {
        return exec(session -> {
            if (session.getBoolean("sampled")) {
                Map<String, Object> member = new LinkedHashMap<>();
                member.put("memberId", session.getString("memberId"));
                member.put("sent", session.getList("sent"));
                member.put("erased", session.contains("erased"));
                sampled.add(member);
            }
            return session;
        });
    }

    /** One or two messages, each after a pause to type; four in ten rate the last reply. */
    private ChainBuilder chat() {
        return repeat(session -> ThreadLocalRandom.current().nextInt(1, 3), "turn").on(pause(PAUSE_MIN, PAUSE_MAX), message(MESSAGES))
                .randomSwitch().on(percent(40).then(pause(PAUSE_MIN, PAUSE_MAX).exec(rate())));
    }

    private ChainBuilder crisisChat() {
        return pause(PAUSE_MIN, PAUSE_MAX).exec(message(CRISIS));
    }

    /**
     * The page and its assets (through the CDN), the verse of the day, a question, and the verse again (revalidated);
     * the API through the balancer, as the app calls it.
     */
    private ChainBuilder webVisit() {
        ChainBuilder visit = exec(session -> session);
        if (settings.has(Feature.WEB)) {
            visit = visit.exec(Journeys.homePage(settings.pageUrl()));
        }
        if (!settings.has(Feature.VERSES)) {
            return visit.pause(PAUSE_MIN, PAUSE_MAX).exec(message(MESSAGES));
        }
        return visit.pause(PAUSE_MIN, PAUSE_MAX)
                .exec(http("verse of the day").get("/api/v1/verses/daily")
                        .check(status().is(200), header("ETag").saveAs("verseTag")))
                .pause(PAUSE_MIN, PAUSE_MAX).exec(message(MESSAGES))
                // back on the page, the app refreshes the verse card: unchanged, it is not sent again (304)
                .pause(PAUSE_MIN, PAUSE_MAX)
                .exec(http("verse of the day, again").get("/api/v1/verses/daily")
                        .header("If-None-Match", "#{verseTag}")
                        .check(status().in(200, 304)));
    }

    /** A prayer request (two in three for the community), her own requests, the community's; one in twenty reports a community prayer. */
    private ChainBuilder prayer() {
        return pause(PAUSE_MIN, PAUSE_MAX)
                .exec(session -> {
                    String text = pick(PRAYERS) + " (" + session.getString("memberId") + ")";
                    return remember(session.set("prayer", text)
                            .set("visibility", ThreadLocalRandom.current().nextInt(3) == 0 ? "PRIVATE" : "COMMUNITY")
                            .set("idempotencyKey", UUID.randomUUID().toString()), text);
                })
                .exec(http("share a prayer request").post("/api/v1/prayers")
                        .header("Idempotency-Key", "#{idempotencyKey}")
                        .body(StringBody("{\"text\":\"#{prayer}\",\"visibility\":\"#{visibility}\"}")).asJson()
                        .check(status().in(200, 201)))
                .pause(PAUSE_MIN, PAUSE_MAX)
                .exec(http("my prayer requests").get("/api/v1/prayers/mine").check(status().is(200)))
                .pause(PAUSE_MIN, PAUSE_MAX)
                .exec(http("community prayer requests").get("/api/v1/prayers/community")
                        .check(status().is(200), jsonPath("$.items[*].prayerId").findRandom().optional().saveAs("communityPrayer")))
                .doIf(session -> session.contains("communityPrayer") && ThreadLocalRandom.current().nextInt(20) == 0).then(
                        exec(http("report a community prayer").post("/api/v1/prayers/#{communityPrayer}/flags")
                                .body(StringBody("{\"reason\":\"This does not look like a prayer request\"}")).asJson()
                                .check(status().in(200, 201, 404))));
    }

    private ChainBuilder browse() {
        return pause(PAUSE_MIN, PAUSE_MAX).exec(message(MESSAGES))
                .pause(PAUSE_MIN, PAUSE_MAX)
                .exec(http("my conversations").get("/api/v1/conversations").check(status().is(200)))
                .pause(PAUSE_MIN, PAUSE_MAX)
                .exec(http("conversation history").get("/api/v1/conversations/#{conversationId}/messages")
                        .queryParam("limit", "20").check(status().is(200)));
    }

    private ChainBuilder export() {
        return pause(PAUSE_MIN, PAUSE_MAX).exec(message(MESSAGES))
                .pause(PAUSE_MIN, PAUSE_MAX)
                .exec(http("export my data").get("/api/v1/me/export").check(status().is(200)));
    }

    private ChainBuilder erase() {
        return export().pause(PAUSE_MIN, PAUSE_MAX)
                .exec(http("erase my account").delete("/api/v1/me").check(status().is(200)))
                .exec(session -> session.set("erased", true));
    }

    /** A chat message with a text unique to the member; the reply's ids are kept (to rate it). */
    private ChainBuilder message(String[] texts) {
        return exec(session -> {
            String text = pick(texts) + " (" + session.getString("memberId") + " #" + session.getList("sent").size() + ")";
            return remember(session.set("message", text), text);
        }).exec(http(Journeys.CHAT_MESSAGE).post("/api/v1/chat")
                .body(StringBody(DayJourneys::chatBody)).asJson()
                .check(status().is(200),
                        jmesPath("conversationId").saveAs("conversationId"),
                        jmesPath("messageId").saveAs("messageId")));
    }

    /** Ratings lean to the good side, as a helpful reply's would; some are not. */
    private ChainBuilder rate() {
        return exec(session -> {
            int roll = ThreadLocalRandom.current().nextInt(100);
            return session.set("score", roll < 50 ? 5 : roll < 82 ? 4 : roll < 93 ? 3 : roll < 97 ? 2 : 1);
        }).exec(http("rate a reply").put("/api/v1/conversations/#{conversationId}/messages/#{messageId}/rating")
                .body(StringBody("{\"score\":#{score}}")).asJson()
                .check(status().is(200)));
    }

    private static String chatBody(Session session) {
        String conversation = session.getString("conversationId");
        return "{\"message\":\"" + session.getString("message") + "\""
                + (conversation == null || conversation.isEmpty() ? "" : ",\"conversationId\":\"" + conversation + "\"") + "}";
    }

    /** A sampled member's texts are kept in their session until they leave. */
    private static Session remember(Session session, String text) {
        if (!session.getBoolean("sampled")) {
            return session;
        }
        List<Object> sent = new ArrayList<>(session.getList("sent"));
        sent.add(text);
        return session.set("sent", List.copyOf(sent));
    }

    private ChainBuilder counted(String journey, ChainBuilder chain) {
        AtomicInteger count = journeys.computeIfAbsent(journey, name -> new AtomicInteger());
        return exec(session -> {
            count.incrementAndGet();
            return session;
        }).exec(chain);
    }

    // ---------------------------------------------------------------- the staff

    /** A prayer team member for {@code shift}: takes a request from the queue, claims it and answers it, again and again. */
    public ChainBuilder prayerTeamShift(Duration shift) {
        return exec(session -> session.set("token", tokens.tokenFor(TestUser.fresh("Team"), "prayer-team")))
                .exec(during(shift).on(
                        exec(session -> session.remove("prayerId"))
                                .exec(http("prayer team: the queue").get("/api/v1/prayer-team/queue").queryParam("limit", "10")
                                        .check(status().is(200), jsonPath("$.items[*].prayerId").findRandom().optional().saveAs("prayerId")))
                                .doIfOrElse(session -> session.contains("prayerId")).then(
                                        exec(http("prayer team: claim").post("/api/v1/prayer-team/prayers/#{prayerId}/claim")
                                                .check(status().in(200, 404, 409).saveAs("claimed")))
                                                .doIf(session -> session.getInt("claimed") == 200).then(
                                                        pause(Duration.ofMillis(300), Duration.ofMillis(800))
                                                                .exec(http("prayer team: respond").post("/api/v1/prayer-team/prayers/#{prayerId}/responses")
                                                                        .body(StringBody("{\"text\":\"We are praying with you today.\"}")).asJson()
                                                                        .check(status().in(200, 201, 404)))))
                                .orElse(pause(Duration.ofSeconds(1)))
                                .pause(Duration.ofMillis(300), Duration.ofMillis(700))));
    }

    /** A moderator for {@code shift}: reads the oldest open report's prayer and hides it. */
    public ChainBuilder moderatorShift(Duration shift) {
        return exec(session -> session.set("token", tokens.tokenFor(TestUser.fresh("Moderator"), "moderator")))
                .exec(during(shift).on(
                        exec(session -> session.remove("reported"))
                                .exec(http("moderation: reports").get("/api/v1/moderation/reports")
                                        .check(status().is(200), jsonPath("$.items[0].prayerId").optional().saveAs("reported")))
                                .doIf(session -> session.contains("reported")).then(
                                        exec(http("moderation: the reported prayer").get("/api/v1/moderation/prayers/#{reported}")
                                                .check(status().in(200, 404)))
                                                .exec(http("moderation: hide").post("/api/v1/moderation/prayers/#{reported}/hide")
                                                        .check(status().in(200, 404))))
                                .pause(Duration.ofSeconds(1), Duration.ofSeconds(2))));
    }

    /** Support for {@code shift}: acknowledges the oldest open crisis escalation. */
    public ChainBuilder supportShift(Duration shift) {
        return exec(session -> session.set("token", tokens.tokenFor(TestUser.fresh("Support"), "support")))
                .exec(during(shift).on(
                        exec(session -> session.remove("escalation"))
                                .exec(http("support: open escalations").get("/api/v1/support/escalations").queryParam("status", "OPEN")
                                        .check(status().is(200), jsonPath("$.items[0].escalationId").optional().saveAs("escalation")))
                                .doIf(session -> session.contains("escalation")).then(
                                        exec(http("support: acknowledge").post("/api/v1/support/escalations/#{escalation}/acknowledge")
                                                .check(status().in(200, 409))))
                                .pause(Duration.ofSeconds(1), Duration.ofSeconds(2))));
    }

    // ---------------------------------------------------------------- what the injector saw

    /** Members arrived, journeys by name, the sampled members with what they sent, and every member's id. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("membersArrived", arrived.get());
        Map<String, Integer> byJourney = new LinkedHashMap<>();
        journeys.forEach((name, count) -> byJourney.put(name, count.get()));
        map.put("journeys", byJourney);
        map.put("sampledMembers", List.copyOf(sampled));
        map.put("memberIds", List.copyOf(memberIds));
        return map;
    }

    private static String pick(String[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }
}

package org.faithbot.verification.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.load.LoadSettings.Feature;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The users' journeys through the chatbot, as Gatling chains, in the style of Gatling's demo
 * simulations: each reads like a user story. A journey whose endpoints the target does not have yet
 * is left out of the mix by the harness (it probes first) and reported as not run.
 */
public final class Journeys {

    /** The request whose latency the chat SLO is about (p95 < 3 s). */
    public static final String CHAT_MESSAGE = "chat message";

    private static final String[] MESSAGES = {
            "I feel anxious about tomorrow and cannot sleep",
            "I lost my father last spring and I still grieve",
            "What is my purpose in all this",
            "I am grateful for my family today",
            "I need some hope this week",
            "Work has been so stressful lately",
            "How do I forgive my brother",
            "I feel lonely in this new city"};
    private static final String[] PRAYERS = {
            "Please pray for my mother's surgery on Friday",
            "Pray that I find work soon",
            "Give thanks with me for my daughter's recovery",
            "Pray for peace in our family"};
    private static final String[] TOPICS = {"hope", "anxiety", "grief", "gratitude", "purpose", "strength"};

    /** Reading the reply and typing the next message: the think time between two messages of a chat session. */
    private static final Duration TYPING_MIN = Duration.ofSeconds(5);
    private static final Duration TYPING_MAX = Duration.ofSeconds(15);
    /** Reading a page or a list before the next action. */
    private static final Duration READING_MIN = Duration.ofSeconds(2);
    private static final Duration READING_MAX = Duration.ofSeconds(6);

    private final LoadSettings settings;
    private final TokenIssuer tokens;

    public Journeys(LoadSettings settings) {
        this.settings = settings;
        this.tokens = new TokenIssuer(Base64.getDecoder().decode(settings.jwtSecretBase64()), settings.jwtIssuer());
    }

    /** JSON APIs through the balancer; every virtual user is a different member with a token of their own. */
    public HttpProtocolBuilder protocol() {
        return http.baseUrl(settings.baseUrl())
                .acceptHeader("application/json")
                .acceptEncodingHeader("gzip, deflate")
                .userAgentHeader("faithbot-load/1.0 (Gatling)")
                .header("Authorization", "Bearer #{token}")
                .disableWarmUp()
                // conditional requests are sent explicitly (If-None-Match), so that 304s can be counted
                .disableCaching();
    }

    /**
     * A browser opens the home page at {@code pageUrl} (the CDN, or the balancer) and then fetches
     * every asset the page names under {@code /assets/}: the app's fingerprinted script, which the
     * page's inline loader requests after the first paint (Gatling's inferHtmlResources would not
     * see it inside a script).
     */
    static ChainBuilder homePage(String pageUrl) {
        return exec(http("home page").get(pageUrl + "/").header("Accept", "text/html")
                .check(status().is(200), regex("/assets/[a-z0-9.-]+").findAll()
                        .transform(assets -> assets.stream().distinct().toList()).optional().saveAs("pageAssets")))
                .doIf(session -> session.contains("pageAssets")).then(
                        foreach("#{pageAssets}", "pageAsset").on(
                                exec(http("page asset").get(pageUrl + "#{pageAsset}").header("Accept", "*/*")
                                        .check(status().is(200)))));
    }

    /** A member opens the app: a new account of their own and a bearer token for it. */
    public ChainBuilder arrive() {
        return exec(session -> session
                .set("token", tokens.tokenFor(TestUser.fresh("Visitor")))
                .set("conversationId", ""));
    }

    // ---------------------------------------------------------------- chat

    /** She opens a conversation, writes a few messages, pausing to type each one, and scrolls back through it. */
    public ChainBuilder chatSession() {
        ChainBuilder session = settings.has(Feature.CONVERSATIONS) ? openConversation() : exec(session1 -> session1);
        session = session.exec(repeat(session1 -> ThreadLocalRandom.current().nextInt(3, 6), "turn").on(
                pause(TYPING_MIN, TYPING_MAX),
                sendChatMessage()));
        if (settings.has(Feature.CONVERSATIONS)) {
            session = session.pause(READING_MIN, READING_MAX).exec(readConversationHistory());
        }
        return session;
    }

    /** One question, no pause: what an arriving user of the open model does. */
    public ChainBuilder quickQuestion() {
        return sendChatMessage();
    }

    public ChainBuilder sendChatMessage() {
        return sendChatMessage(CHAT_MESSAGE);
    }

    /** The same request under another name in the report (a warm-up's, kept apart from the judged ones). */
    public ChainBuilder sendChatMessage(String requestName) {
        return exec(session -> session.set("message", pick(MESSAGES)))
                .exec(http(requestName).post("/api/v1/chat")
                        .body(StringBody(Journeys::chatBody)).asJson()
                        .check(status().is(200),
                                jmesPath("conversationId").saveAs("conversationId"),
                                jmesPath("reply.scripture.reference").exists()));
    }

    private ChainBuilder openConversation() {
        return exec(http("my conversations").get("/api/v1/conversations").check(status().is(200)))
                .exec(http("open a conversation").post("/api/v1/conversations")
                        .body(StringBody("{}")).asJson()
                        .check(status().in(200, 201), jmesPath("conversationId || id").saveAs("conversationId")));
    }

    private ChainBuilder readConversationHistory() {
        return exec(http("conversation history").get("/api/v1/conversations/#{conversationId}/messages")
                .queryParam("limit", "20")
                .check(status().is(200)));
    }

    static String chatBody(Session session) {
        String conversation = session.getString("conversationId");
        return "{\"message\":\"" + session.getString("message") + " (" + session.userId() + ")\""
                + (conversation == null || conversation.isEmpty() ? "" : ",\"conversationId\":\"" + conversation + "\"")
                + "}";
    }

    // ---------------------------------------------------------------- prayer connect

    /** She asks the community to pray with her, then looks at her own requests and at the community's. */
    public ChainBuilder prayerConnect() {
        return exec(session -> session
                .set("prayer", pick(PRAYERS))
                .set("visibility", ThreadLocalRandom.current().nextInt(3) == 0 ? "PRIVATE" : "COMMUNITY")
                .set("idempotencyKey", UUID.randomUUID().toString()))
                .exec(http("share a prayer request").post("/api/v1/prayers")
                        .header("Idempotency-Key", "#{idempotencyKey}")
                        .body(StringBody("{\"text\":\"#{prayer}\",\"visibility\":\"#{visibility}\"}")).asJson()
                        .check(status().in(200, 201)))
                .pause(READING_MIN, READING_MAX)
                .exec(http("my prayer requests").get("/api/v1/prayers/mine").check(status().is(200)))
                .pause(READING_MIN, READING_MAX)
                .exec(http("community prayer requests").get("/api/v1/prayers/community").check(status().is(200)));
    }

    // ---------------------------------------------------------------- account and privacy

    /** After a first chat, she downloads her data, opts out of sale and sharing, and finally deletes her account. */
    public ChainBuilder accountAndPrivacy() {
        ChainBuilder journey = sendChatMessage()
                .pause(READING_MIN, READING_MAX)
                .exec(http("export my data").get("/api/v1/me/export").check(status().is(200)));
        if (settings.has(Feature.PRIVACY)) {
            journey = journey.pause(READING_MIN, READING_MAX)
                    .exec(http("opt out of sale and sharing").put("/api/v1/me/privacy/sale-sharing-opt-out")
                            .body(StringBody("{\"optOut\":true}")).asJson()
                            .check(status().in(200, 204)));
        }
        return journey.pause(READING_MIN, READING_MAX)
                .exec(http("erase my account").delete("/api/v1/me").check(status().is(200)));
    }

    // ---------------------------------------------------------------- the web front and the verses

    /** She visits the web page (with its assets), reads the verse of the day, comes back to it later, and browses verses by topic. */
    public ChainBuilder webVisit() {
        ChainBuilder visit = exec(session -> session.set("topic", pick(TOPICS)));
        if (settings.has(Feature.WEB)) {
            visit = visit.exec(homePage(""));
        }
        if (settings.has(Feature.VERSES)) {
            visit = visit.pause(READING_MIN, READING_MAX)
                    .exec(http("verse of the day").get("/api/v1/verses/daily")
                            .check(status().is(200), header("ETag").saveAs("verseTag")))
                    .pause(READING_MIN, READING_MAX)
                    .exec(http("verses by topic").get("/api/v1/verses").queryParam("topic", "#{topic}")
                            .check(status().in(200, 304)))
                    .pause(READING_MIN, READING_MAX)
                    // she comes back to it: her copy is revalidated, and unchanged it is not sent again (304)
                    .doIf(session -> session.contains("verseTag")).then(
                            exec(http("verse of the day, again").get("/api/v1/verses/daily")
                                    .header("If-None-Match", "#{verseTag}")
                                    .check(status().in(200, 304))));
        }
        return visit;
    }

    // ---------------------------------------------------------------- the mix

    /**
     * The weighted mix of journeys a day of real use looks like: mostly chat; some visits to the
     * page and the verses; prayer connect; a few account and privacy actions. Journeys the target
     * cannot serve yet are left out and the others' weights scaled up to 100 %.
     */
    public ChainBuilder weightedMix() {
        List<Weighted> mix = new ArrayList<>();
        mix.add(new Weighted(60, chatSession()));
        if (settings.has(Feature.WEB) || settings.has(Feature.VERSES)) {
            mix.add(new Weighted(20, webVisit()));
        }
        if (settings.has(Feature.PRAYERS)) {
            mix.add(new Weighted(12, prayerConnect()));
        }
        mix.add(new Weighted(8, accountAndPrivacy()));
        double total = mix.stream().mapToDouble(Weighted::weight).sum();
        List<Choice.WithWeight> choices = new ArrayList<>();
        for (Weighted w : mix) {
            choices.add(percent(100.0 * w.weight() / total).then(w.journey()));
        }
        return randomSwitch().on(choices);
    }

    /** The journeys the mix holds, with their weights after scaling, as the harness reports them. */
    public static List<String> describeMix(java.util.Set<Feature> features) {
        List<String> parts = new ArrayList<>();
        double total = 60 + 8 + (features.contains(Feature.WEB) || features.contains(Feature.VERSES) ? 20 : 0)
                + (features.contains(Feature.PRAYERS) ? 12 : 0);
        parts.add(String.format("chat session %.0f%%", 6000 / total));
        if (features.contains(Feature.WEB) || features.contains(Feature.VERSES)) {
            parts.add(String.format("web visit %.0f%%", 2000 / total));
        }
        if (features.contains(Feature.PRAYERS)) {
            parts.add(String.format("prayer connect %.0f%%", 1200 / total));
        }
        parts.add(String.format("account and privacy %.0f%%", 800 / total));
        return parts;
    }

    private record Weighted(double weight, ChainBuilder journey) {
    }

    private static String pick(String[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }
}

package org.faithbot.verification.chaos;

import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.http.ChaosMonkey;
import org.faithbot.verification.http.WarmUp;
import org.faithbot.verification.local.BackendServer;
import org.faithbot.verification.local.Haproxy;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ServiceInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * The game day's own instance of the service on the local target: a third instance, put behind the
 * balancer in one of its spare server slots for the game day and retired afterwards, so that the
 * two instances the other specs rely on are never replaced. It runs the game-day configuration, the
 * way a task definition for chaos would: the service's chaos-monkey profile (when the service has
 * Chaos Monkey), the Bedrock reply generator pointed at the harness's {@link ModelStub}, and its
 * database endpoint through the harness's {@link DatabaseProxy}.
 * When it is killed, {@link #replace()} starts a new one in its slot with the same configuration,
 * as the ECS scheduler replaces a stopped task.
 */
public final class GameDayInstance {

    public static final String NAME = "s3";
    static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final int WARM_UP_TURNS = 10;

    private final LocalTarget target;
    private final Path serviceJar;
    private final ModelStub modelStub;
    private final DatabaseProxy databaseProxy;
    private final String slot;
    private final Map<String, String> configuration = new LinkedHashMap<>();
    private final boolean bedrock;
    private final boolean chaosMonkeyLibrary;
    private int generation;

    private GameDayInstance(LocalTarget target, Path serviceJar, ModelStub modelStub, DatabaseProxy databaseProxy, String slot, boolean bedrock,
                            boolean chaosMonkeyLibrary) {
        this.target = target;
        this.serviceJar = serviceJar;
        this.modelStub = modelStub;
        this.databaseProxy = databaseProxy;
        this.slot = slot;
        this.bedrock = bedrock;
        this.chaosMonkeyLibrary = chaosMonkeyLibrary;
        if (chaosMonkeyLibrary) {
            configuration.put("spring.profiles.active", "chaos-monkey");
        }
        configuration.put("chatbot.dynamodb.endpoint", databaseProxy.endpoint());
        if (bedrock) {
            configuration.put("chatbot.reply.generator", "bedrock");
            configuration.put("chatbot.reply.bedrock.endpoint", modelStub.endpoint());
        }
    }

    /** Starts the instance, waits until it is ready, warms it up and puts it in rotation. */
    public static GameDayInstance start(LocalTarget target, Path serviceJar) {
        String slot = freeSlot(target);
        ModelStub stub = ModelStub.start();
        DatabaseProxy proxy = DatabaseProxy.start(target.localDynamoDb().endpoint());
        GameDayInstance instance = new GameDayInstance(target, serviceJar, stub, proxy, slot,
                jarHas(serviceJar, "BOOT-INF/classes/org/faithbot/chatbot/reply/BedrockReplyGenerator.class"),
                jarHasPrefix(serviceJar, "BOOT-INF/lib/chaos-monkey-spring-boot"));
        try {
            instance.launch();
        } catch (RuntimeException e) {
            instance.retire();
            throw e;
        }
        return instance;
    }

    private static String freeSlot(LocalTarget target) {
        Map<String, BackendServer> servers = target.balancer().servers();
        List<String> spares = Haproxy.spareSlots();
        for (int i = spares.size() - 1; i >= 0; i--) { // from the last: deployments take the first ones
            BackendServer server = servers.get(spares.get(i));
            if (server != null && server.status().startsWith("MAINT")) {
                return spares.get(i);
            }
        }
        throw new NotRunnable("the balancer has no free spare server slot for the game day's instance: " + servers.keySet());
    }

    private void launch() {
        generation++;
        long started = System.nanoTime();
        ServiceInstance instance = target.startInstance(NAME, configuration);
        instance.awaitReady(START_TIMEOUT);
        WarmUp.unjudged(WarmUp.Turn.CHAT, Duration.ofSeconds(10)).run(instance.warmable(false),
                target.tokens().tokenFor(TestUser.fresh("Warmup")), WARM_UP_TURNS);
        target.balancer().command("set server " + Haproxy.BACKEND + "/" + slot + " addr 127.0.0.1 port " + instance.port());
        target.balancer().setState(slot, "ready");
        target.balancer().awaitServer(slot, BackendServer::isUp, Duration.ofSeconds(30));
        System.out.printf("[game day] instance %s (generation %d) in rotation in slot %s after %.1f s: %s%n", NAME, generation, slot,
                (System.nanoTime() - started) / 1e9, describeConfiguration());
    }

    /** The slot's name in the balancer's backend. */
    public String slot() {
        return slot;
    }

    public ServiceInstance instance() {
        return target.instance(NAME);
    }

    public ModelStub modelStub() {
        return modelStub;
    }

    /** The proxy between this instance and the local DynamoDB. */
    public DatabaseProxy databaseProxy() {
        return databaseProxy;
    }

    /** True when it answers through the Bedrock generator (on the stub). */
    public boolean usesModelStub() {
        return bedrock;
    }

    /** True when its Chaos Monkey answers the operator. */
    public boolean chaosMonkeyAnswers() {
        return chaosMonkeyLibrary && new ChaosMonkey(instance().url(), target.tokens().operatorToken()).answers();
    }

    public boolean inRotation() {
        BackendServer server = target.balancer().servers().get(slot);
        return server != null && server.isUp();
    }

    public String describeConfiguration() {
        return "instance " + NAME + " behind slot " + slot + ", configuration " + configuration;
    }

    /**
     * The scheduler's replacement of a stopped instance: the dead process is forgotten (its log kept
     * beside), a new one is started with the same configuration and put in the same slot.
     */
    public synchronized void replace() {
        ServiceInstance dead = target.instance(NAME);
        Path log = dead.process().logFile();
        target.retireInstance(NAME);
        try {
            if (Files.exists(log)) {
                Files.copy(log, log.resolveSibling(NAME + "-generation-" + generation + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // the old log is a debugging aid only
        }
        launch();
    }

    /** Takes the slot out of the balancer, stops the instance by its PID and the model stub. Safe to call twice. */
    public synchronized void retire() {
        try {
            target.balancer().setState(slot, "maint");
        } catch (RuntimeException e) {
            // the balancer may be gone already (end of the run)
        }
        target.retireInstance(NAME);
        modelStub.close();
        databaseProxy.close();
    }

    static boolean jarHas(Path jar, String entry) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry(entry) != null;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean jarHasPrefix(Path jar, String prefix) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().startsWith(prefix));
        } catch (IOException e) {
            return false;
        }
    }
}

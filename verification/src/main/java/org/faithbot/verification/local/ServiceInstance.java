package org.faithbot.verification.local;

import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.http.ServiceClient;
import org.faithbot.verification.http.WarmUp;
import org.faithbot.verification.wait.Polling;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One instance of the chatbot service jar on a loopback port, as an ECS task would run it. */
public final class ServiceInstance {

    private final String name;
    private final int port;
    private final ManagedProcess process;

    private ServiceInstance(String name, int port, ManagedProcess process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts the jar. {@code properties} are the service's configuration (Spring properties), passed as
     * command-line arguments the way an ECS task definition passes its environment.
     */
    /**
     * The service's configuration against a DynamoDB endpoint and a table prefix, signed tokens from
     * {@code tokens}: what an ECS task definition would hold.
     */
    public static Map<String, String> configuration(URI dynamoDbEndpoint, String tablePrefix, TokenIssuer tokens) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("chatbot.dynamodb.endpoint", dynamoDbEndpoint.toString());
        properties.put("chatbot.dynamodb.region", LocalDynamoDb.REGION);
        properties.put("chatbot.dynamodb.table-prefix", tablePrefix);
        properties.put("chatbot.security.jwt.hmac-secret", tokens.secretBase64());
        properties.put("chatbot.security.jwt.issuer", tokens.issuer());
        return properties;
    }

    /** The service jar the build made ({@code -Dservice.jar} overrides it). */
    public static Path jar(Path projectRoot) {
        return Path.of(System.getProperty("service.jar", projectRoot.resolve("service/target/chatbot-service.jar").toString()));
    }

    static ServiceInstance start(String name, Path jar, Map<String, String> properties, Path runDirectory, ProcessRegistry registry) {
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(jar + " is missing: build the service first (bin/launch-readiness and bin/test do)");
        }
        int port = FreePort.onLoopback();
        String java = ProcessHandle.current().info().command().orElse("java");
        // ParallelGC: no concurrent GC threads competing with the other processes of two shared cores
        List<String> jvmOptions = List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError");
        List<String> arguments = new ArrayList<>(List.of("--server.address=127.0.0.1"));
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.add("-Dfaithbot.local-target=" + runDirectory);
        command.addAll(AotLaunch.arguments(jar, java, jvmOptions, withPort(arguments, 0, "aot-training"), registry));
        command.addAll(withPort(arguments, port, name));
        ManagedProcess process = ManagedProcess.start(name, CpuShares.Role.SERVICE_TASK, command, Map.of(),
                runDirectory.resolve("logs/" + name + ".log"), registry, "-Dfaithbot.local-target=" + runDirectory);
        return new ServiceInstance(name, port, process);
    }

    private static List<String> withPort(List<String> arguments, int port, String instanceId) {
        List<String> all = new ArrayList<>(List.of("--server.port=" + port, "--chatbot.instance-id=" + instanceId));
        all.addAll(arguments);
        return all;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** The HTTP status of the readiness probe, or -1 when the instance does not answer. */
    public int readinessStatus() {
        return ServiceClient.readiness(url());
    }

    /** Waits until the readiness probe answers 200; fails, with the end of the log, when the process exits or the timeout passes. */
    public void awaitReady(Duration timeout) {
        if (Polling.until(timeout, Duration.ofMillis(250), () -> readinessStatus() == 200, () -> !process.isAlive())) {
            return;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("instance " + name + " exited during start-up:\n" + process.logTail(40));
        }
        throw new IllegalStateException("instance " + name + " was not ready within " + timeout + ":\n" + process.logTail(40));
    }

    /**
     * Sends {@code turns} chat turns (a chat, a conversation list and an export each) straight to the
     * instance, as a slow-start would, so the specs measure a warmed-up service rather than its first
     * requests' class loading and JIT; the member is erased at the end. Safe to call from several
     * threads with different tokens.
     */
    public void warmUp(String token, int turns) {
        WarmUp.judgedChatTurns().run(warmable(false), token, turns);
    }

    /** The instance as a warm-up sees it ({@code faultyChats}: its release fails a share of chat requests on purpose). */
    public WarmUp.Instance warmable(boolean faultyChats) {
        return new WarmUp.Instance(name, url(), faultyChats, () -> process.logTail(20));
    }

    void stop() {
        process.stop(Duration.ofSeconds(25));
    }
}

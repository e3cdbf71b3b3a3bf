package org.faithbot.verification.local;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * moto's server on a loopback port: the local AWS of the recovery drills. Unlike dynalite, its
 * DynamoDB has genuine snapshot semantics for CreateBackup and RestoreTableFromBackup. Its
 * RestoreTableToPointInTime only copies the current table, so nothing here ever calls it a
 * point-in-time recovery. Started only by a drill, stopped by its PID.
 */
public final class LocalMoto {

    /** {@code -Dmoto.server=/path/to/moto_server} overrides the lookup on the PATH. */
    static final String COMMAND = "moto_server";

    private final ManagedProcess process;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalMoto(ManagedProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = LocalDynamoDb.clientFor(endpoint);
    }

    /** Where moto's server is installed, if it is (pip install 'moto[server]'). */
    public static Optional<Path> installation() {
        String configured = System.getProperty("moto.server");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String searchPath = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (!directory.isBlank()) {
                Path candidate = Path.of(directory, COMMAND);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    public static boolean isInstalled() {
        return installation().isPresent();
    }

    /**
     * Starts moto's server under {@code name} (its log in {@code runDirectory}/logs) and waits until it answers; {@link #stop}
     * stops it by its PID. Fails when moto is not installed or does not answer within 30 s.
     */
    public static LocalMoto started(String name, Path runDirectory) {
        LocalMoto moto = launch(name, runDirectory, ProcessRegistry.shared());
        try {
            moto.awaitUp(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            moto.stop();
            throw e;
        }
        return moto;
    }

    /** Starts moto's server; {@link #awaitUp} waits until it answers. */
    static LocalMoto launch(String name, Path runDirectory, ProcessRegistry registry) {
        Path server = installation().orElseThrow(() -> new IllegalStateException(
                COMMAND + " is not installed (pip install 'moto[server]==5.2.1'); the recovery drills need it"));
        int port = FreePort.onLoopback();
        List<String> command = List.of(server.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port));
        ManagedProcess process = ManagedProcess.start(name, CpuShares.Role.AWS_EMULATOR, command, Map.of(), runDirectory.resolve("logs/" + name + ".log"),
                registry, COMMAND + " -H 127.0.0.1 -p " + port);
        return new LocalMoto(process, URI.create("http://127.0.0.1:" + port));
    }

    void awaitUp(Duration timeout) {
        LocalDynamoDb.awaitAnswering("moto", process, client, timeout);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A DynamoDB client on moto (static local credentials, moto's default region). */
    public DynamoDbClient dynamoDb() {
        return client;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Stops moto's server by its PID. */
    public void stop() {
        client.close();
        process.stop(Duration.ofSeconds(5));
    }
}

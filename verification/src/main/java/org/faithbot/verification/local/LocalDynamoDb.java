package org.faithbot.verification.local;

import org.faithbot.verification.target.LocalAws;
import org.faithbot.verification.wait.Polling;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The local DynamoDB: dynalite (in memory) on a loopback port, fast enough to sit under load. */
public final class LocalDynamoDb {

    public static final String REGION = LocalAws.REGION;
    public static final String ACCESS_KEY = LocalAws.ACCESS_KEY;
    public static final String SECRET_KEY = LocalAws.SECRET_KEY;

    private final ManagedProcess process;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalDynamoDb(ManagedProcess process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = clientFor(endpoint);
    }

    public static LocalDynamoDb start(Path projectRoot, Path runDirectory, ProcessRegistry registry) {
        int port = FreePort.onLoopback();
        Path cli = projectRoot.resolve("tools/node_modules/dynalite/cli.js");
        if (!cli.toFile().isFile()) {
            throw new IllegalStateException(cli + " is missing: run bin/test or bin/launch-readiness, which install the node tools");
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // DynamoDB runs on servers of its own in AWS; here its stand-in, one Node thread, shares two
            // cores with the service's JVMs and the load generator: a higher priority keeps it from being
            // the bottleneck of every load (only root may raise a priority; otherwise it runs as it is)
            command.addAll(List.of("nice", "-n", "-5"));
        }
        // a 64 MB young generation: dynalite allocates a lot per request, and with Node's default
        // (16 MB) scavenges ran often enough to show in the benchmark (1,049 vs 980 turns/s)
        command.addAll(List.of("node", "--max-semi-space-size=64", cli.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        ManagedProcess process = ManagedProcess.start("dynalite", CpuShares.Role.DATABASE, command,
                Map.of(), runDirectory.resolve("logs/dynalite.log"), registry, cli.toString());
        LocalDynamoDb db = new LocalDynamoDb(process, URI.create("http://127.0.0.1:" + port));
        db.awaitUp(Duration.ofSeconds(30));
        return db;
    }

    private void awaitUp(Duration timeout) {
        awaitAnswering("dynalite", process, client, timeout);
    }

    /**
     * Waits until a local DynamoDB API (dynalite's, moto's) answers ListTables; fails, with the end of its log, when its
     * process exits or the timeout passes (with the last refusal as the cause).
     */
    static void awaitAnswering(String name, ManagedProcess process, DynamoDbClient client, Duration timeout) {
        AtomicReference<RuntimeException> last = new AtomicReference<>();
        boolean up = Polling.until(timeout, Duration.ofMillis(100), () -> {
            try {
                client.listTables();
                return true;
            } catch (RuntimeException notYet) {
                last.set(notYet);
                return false;
            }
        }, () -> !process.isAlive());
        if (!up && !process.isAlive()) {
            throw new IllegalStateException(name + " exited:\n" + process.logTail(20));
        }
        if (!up) {
            throw new IllegalStateException(name + " did not answer within " + timeout, last.get());
        }
    }

    public static DynamoDbClient clientFor(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    public ManagedProcess process() {
        return process;
    }

    public void stop() {
        client.close();
        process.stop(Duration.ofSeconds(5));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

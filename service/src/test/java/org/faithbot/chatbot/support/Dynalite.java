package org.faithbot.chatbot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.TableDefinition;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One in-memory dynalite (local DynamoDB) for the whole test run, started on a free loopback port
 * on first use, with the tables of {@code tables.json} created under {@link #TABLE_PREFIX}. Stopped
 * by PID by {@link DynaliteExtension} when the test run ends (and by a shutdown hook as a safety).
 */
public final class Dynalite {

    public static final String TABLE_PREFIX = "faithbot-test-";

    private static final String DEFAULT_EXECUTABLE = "../tools/node_modules/.bin/dynalite";

    private static Dynalite shared;

    private final Process process;

    private final URI endpoint;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The shared instance, started (and its tables created) on first use. */
    public static synchronized Dynalite shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
            shared.createTables();
        }
        return shared;
    }

    static synchronized void stopShared() {
        if (shared != null) {
            shared.stop();
            shared = null;
        }
    }

    public URI endpoint() {
        return this.endpoint;
    }

    public long pid() {
        return this.process.pid();
    }

    /** A low-level client on this dynalite, to check what the service stored. */
    public DynamoDbClient client() {
        return DynamoDbClient.builder()
            .endpointOverride(this.endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClientBuilder(ApacheHttpClient.builder())
            .build();
    }

    private static Dynalite start() {
        Path executable = Path.of(System.getProperty("dynalite.path", DEFAULT_EXECUTABLE)).toAbsolutePath().normalize();
        if (!Files.exists(executable)) {
            throw new IllegalStateException("dynalite not found at " + executable
                    + ": run `npm ci` in tools/ (bin/setup.sh does) or set -Ddynalite.path");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(System.getProperty("node.path", "node"), executable.toString(),
                "--host", "127.0.0.1", "--port", String.valueOf(port), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0"));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
            Dynalite dynalite = new Dynalite(process, URI.create("http://127.0.0.1:" + port));
            Runtime.getRuntime().addShutdownHook(new Thread(dynalite::stop, "dynalite-stop"));
            dynalite.awaitPort(port, Duration.ofSeconds(20));
            return dynalite;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot start dynalite", ex);
        }
    }

    private void awaitPort(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!this.process.isAlive()) {
                throw new IllegalStateException("dynalite exited with " + this.process.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (IOException notYet) {
                sleep(50);
            }
        }
        stop();
        throw new IllegalStateException("dynalite did not open port " + port + " within " + timeout);
    }

    private void createTables() {
        TableCatalog catalog = TableCatalog.load(TABLE_PREFIX);
        try (DynamoDbClient client = client()) {
            for (TableDefinition table : catalog.tables()) {
                List<KeySchemaElement> keys = new ArrayList<>();
                List<AttributeDefinition> attributes = new ArrayList<>();
                keys.add(KeySchemaElement.builder().attributeName(table.partitionKey().name()).keyType(KeyType.HASH).build());
                attributes.add(attribute(table.partitionKey()));
                if (table.sortKey() != null) {
                    keys.add(KeySchemaElement.builder().attributeName(table.sortKey().name()).keyType(KeyType.RANGE).build());
                    attributes.add(attribute(table.sortKey()));
                }
                List<GlobalSecondaryIndex> indexes = new ArrayList<>();
                for (TableDefinition.GlobalSecondaryIndex index : table.globalSecondaryIndexes()) {
                    List<KeySchemaElement> indexKeys = new ArrayList<>();
                    indexKeys.add(KeySchemaElement.builder().attributeName(index.partitionKey().name()).keyType(KeyType.HASH).build());
                    addOnce(attributes, attribute(index.partitionKey()));
                    if (index.sortKey() != null) {
                        indexKeys.add(KeySchemaElement.builder().attributeName(index.sortKey().name()).keyType(KeyType.RANGE).build());
                        addOnce(attributes, attribute(index.sortKey()));
                    }
                    indexes.add(GlobalSecondaryIndex.builder()
                        .indexName(index.name())
                        .keySchema(indexKeys)
                        .projection(Projection.builder().projectionType(ProjectionType.fromValue(index.projection())).build())
                        .build());
                }
                client.createTable(request -> {
                    request.tableName(catalog.physicalName(table))
                        .keySchema(keys)
                        .attributeDefinitions(attributes)
                        .billingMode(BillingMode.PAY_PER_REQUEST);
                    if (!indexes.isEmpty()) {
                        request.globalSecondaryIndexes(indexes);
                    }
                });
            }
        }
    }

    private static void addOnce(List<AttributeDefinition> attributes, AttributeDefinition attribute) {
        if (attributes.stream().noneMatch(existing -> existing.attributeName().equals(attribute.attributeName()))) {
            attributes.add(attribute);
        }
    }

    private static AttributeDefinition attribute(TableDefinition.KeyAttribute key) {
        return AttributeDefinition.builder()
            .attributeName(key.name())
            .attributeType(ScalarAttributeType.fromValue(key.type()))
            .build();
    }

    void stop() {
        if (this.process.isAlive()) {
            ProcessHandle.of(this.process.pid()).ifPresent(ProcessHandle::destroy);
            try {
                if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
                    this.process.destroyForcibly();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                this.process.destroyForcibly();
            }
        }
    }

    /** A loopback port nobody listens on (right now). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}

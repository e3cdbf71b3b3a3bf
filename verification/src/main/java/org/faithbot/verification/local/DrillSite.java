package org.faithbot.verification.local;

import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.recovery.RecoverableService;
import org.faithbot.verification.target.TableDefinitions;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The recovery drills' own site on loopback, apart from the local target the other specs use: moto
 * as its AWS (genuine DynamoDB backup snapshots) with the service's tables, and one instance of the
 * service jar on them. Re-pointing the service at restored tables starts a new instance with the
 * new table prefix, as an ECS deployment of a new task definition would, and stops the old one.
 * Every process is registered by PID with the local target's registry and stopped by PID.
 */
public final class DrillSite implements RecoverableService {

    public static final String LIVE_PREFIX = "faithbot-drill-";
    public static final String ISSUER = "faithbot-drill-harness";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Path projectRoot;
    private final Path runDirectory;
    private final ProcessRegistry registry;
    private final TableDefinitions tables;
    private final TokenIssuer tokens = TokenIssuer.withFreshKey(ISSUER);
    private final AtomicInteger restores = new AtomicInteger();
    private final List<CompletableFuture<Void>> stopping = new CopyOnWriteArrayList<>();
    private LocalMoto moto;
    private volatile ServiceInstance instance;
    private volatile String tablePrefix = LIVE_PREFIX;

    private DrillSite(Path projectRoot) {
        this.projectRoot = projectRoot;
        this.runDirectory = projectRoot.resolve("reports/local-target/run-" + ProcessHandle.current().pid());
        this.registry = ProcessRegistry.under(projectRoot);
        this.tables = TableDefinitions.read(projectRoot.resolve("service/src/main/resources/dynamodb/tables.json"));
    }

    /** Starts moto and, on it, the service's tables and one service instance; returns once the instance is ready. */
    public static DrillSite start(Path projectRoot) {
        DrillSite site = new DrillSite(projectRoot);
        site.registry.reapLeftovers();
        try {
            long started = System.nanoTime();
            site.moto = LocalMoto.launch("moto", site.runDirectory, site.registry);
            site.instance = site.startInstance(LIVE_PREFIX); // the JVM boots while moto comes up
            site.moto.awaitUp(Duration.ofSeconds(30));
            site.tables.createAll(site.moto.dynamoDb(), LIVE_PREFIX);
            site.instance.awaitReady(START_TIMEOUT);
            System.out.printf("[drill site] up in %.1f s: moto %s, service %s on tables %s*%n",
                    (System.nanoTime() - started) / 1e9, site.moto.endpoint(), site.instance.url(), LIVE_PREFIX);
        } catch (RuntimeException e) {
            site.stop();
            throw e;
        }
        return site;
    }

    private ServiceInstance startInstance(String prefix) {
        return ServiceInstance.start("drill-" + INSTANCES.incrementAndGet(), serviceJar(), serviceProperties(prefix), runDirectory, registry);
    }

    /** The configuration of the service on this site: what its ECS task definition would hold. */
    private Map<String, String> serviceProperties(String prefix) {
        return ServiceInstance.configuration(moto.endpoint(), prefix, tokens);
    }

    private Path serviceJar() {
        return ServiceInstance.jar(projectRoot);
    }

    /**
     * Re-points the service at the tables under {@code newPrefix}: starts a new instance configured
     * for them and, in the background, stops the old one. Returns at once: the caller measures how
     * long the new instance takes to serve (it is part of the recovery time).
     */
    @Override
    public synchronized void repoint(String newPrefix) {
        ServiceInstance old = instance;
        instance = startInstance(newPrefix);
        tablePrefix = newPrefix;
        if (old != null) {
            stopping.add(CompletableFuture.runAsync(old::stop));
        }
    }

    /** A fresh prefix for the tables of the next restore: faithbot-drill-r1-, -r2-, ... */
    @Override
    public String nextRestorePrefix() {
        return LIVE_PREFIX + "r" + restores.incrementAndGet() + "-";
    }

    /** The service's URL now (a re-pointed service has a new one, as a new task behind the ALB would). */
    @Override
    public String url() {
        return instance.url();
    }

    public ServiceInstance instance() {
        return instance;
    }

    /** The prefix of the tables the service uses now: the live tables. */
    @Override
    public String tablePrefix() {
        return tablePrefix;
    }

    /** Where the site's logs and the drill's working files go: reports/local-target/run-&lt;pid&gt;/. */
    public Path runDirectory() {
        return runDirectory;
    }

    public LocalMoto moto() {
        return moto;
    }

    @Override
    public List<String> tables() {
        return tables.tables().stream().map(TableDefinitions.Table::name).toList();
    }

    @Override
    public URI dynamoDbEndpoint() {
        return moto.endpoint();
    }

    @Override
    public String region() {
        return LocalDynamoDb.REGION;
    }

    @Override
    public TokenIssuer tokens() {
        return tokens;
    }

    /** Stops the service instance and moto by their PIDs. Safe to call twice. */
    public synchronized void stop() {
        stopping.forEach(CompletableFuture::join);
        stopping.clear();
        if (instance != null) {
            instance.stop();
            instance = null;
        }
        if (moto != null) {
            moto.stop();
            moto = null;
        }
    }
}

package org.faithbot.verification.local;

import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.target.TableDefinitions;
import org.faithbot.verification.target.Target;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded local target: everything on loopback, on free ports. A local DynamoDB with the
 * service's tables, two instances of the service jar, and HAProxy in front with health checks on
 * readiness. Started once per JVM, stopped (by PID) when the run ends or is interrupted.
 */
public final class LocalTarget implements Target {

    public static final String TABLE_PREFIX = "faithbot-local-";
    public static final String ISSUER = "faithbot-local-harness";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final int WARM_UP_TURNS = 25;

    private final Path projectRoot;
    private final Path runDirectory;
    private final ProcessRegistry registry;
    private final TableDefinitions tables;
    private final TokenIssuer tokens = TokenIssuer.withFreshKey(ISSUER);
    private final Map<String, ServiceInstance> instances = Collections.synchronizedMap(new LinkedHashMap<>());
    private LocalDynamoDb dynamoDb;
    private Haproxy balancer;
    private LocalCdn cdn;
    private LocalMonitoring monitoring;

    private LocalTarget(Path projectRoot) {
        this.projectRoot = projectRoot;
        this.runDirectory = projectRoot.resolve("reports/local-target/run-" + ProcessHandle.current().pid());
        this.registry = ProcessRegistry.under(projectRoot);
        this.tables = TableDefinitions.read(projectRoot.resolve("service/src/main/resources/dynamodb/tables.json"));
    }

    /** Starts the whole stack and waits until the balancer sees every instance healthy. */
    public static LocalTarget start(Path projectRoot, List<String> instanceNames) {
        LocalTarget target = new LocalTarget(projectRoot);
        int reaped = target.registry.reapLeftovers();
        if (reaped > 0) {
            System.out.println("[local target] stopped " + reaped + " processes left over from an interrupted run");
        }
        try {
            target.startAll(instanceNames);
        } catch (RuntimeException e) {
            target.stop();
            throw e;
        }
        return target;
    }

    private void startAll(List<String> instanceNames) {
        long started = System.nanoTime();
        dynamoDb = LocalDynamoDb.start(projectRoot, runDirectory, registry);
        tables.createAll(dynamoDb.client(), TABLE_PREFIX);
        List<CompletableFuture<ServiceInstance>> starting = new ArrayList<>();
        for (String name : instanceNames) {
            ServiceInstance instance = startInstance(name);
            starting.add(CompletableFuture.supplyAsync(() -> {
                instance.awaitReady(START_TIMEOUT);
                instance.warmUp(tokens.tokenFor(TestUser.fresh("Warmup")), WARM_UP_TURNS);
                return instance;
            }));
        }
        starting.forEach(CompletableFuture::join);
        balancer = Haproxy.start(List.copyOf(instances.values()), runDirectory, registry);
        for (String name : instanceNames) {
            balancer.awaitServer(name, BackendServer::isUp, Duration.ofSeconds(30));
        }
        cdn = LocalCdn.start(URI.create(balancer.url()).getPort(), runDirectory, registry);
        System.out.printf("[local target] up in %.1f s: cdn %s, balancer %s, instances %s, dynamodb %s%n",
                (System.nanoTime() - started) / 1e9, cdn.url(), balancer.url(), instances.keySet(), dynamoDb.endpoint());
    }

    private ServiceInstance startInstance(String name) {
        ServiceInstance instance = ServiceInstance.start(name, serviceJar(), serviceProperties(), runDirectory, registry);
        instances.put(name, instance);
        return instance;
    }

    /**
     * Starts one more instance of the service jar beside the others (a deployment's new instance), with
     * {@code extraProperties} added to the target's service configuration (a release label, a fault
     * switch). It is registered like the others, so it is stopped by its PID when the target stops.
     * Returns at once: the caller waits for its readiness and puts it behind the balancer.
     */
    public ServiceInstance startInstance(String name, Map<String, String> extraProperties) {
        return startInstance(name, serviceJar(), extraProperties);
    }

    /** As {@link #startInstance(String, Map)}, from another build of the service ({@code jar}: the previous release's). */
    public ServiceInstance startInstance(String name, Path jar, Map<String, String> extraProperties) {
        if (instances.containsKey(name)) {
            throw new IllegalArgumentException("an instance " + name + " is running already: " + instances.keySet());
        }
        Map<String, String> properties = serviceProperties();
        properties.putAll(extraProperties);
        ServiceInstance instance = ServiceInstance.start(name, jar, properties, runDirectory, registry);
        instances.put(name, instance);
        rescrape();
        return instance;
    }

    /** Forgets an instance and stops it by its PID (a deployment retiring it). An unknown name is ignored. */
    public void retireInstance(String name) {
        ServiceInstance instance = instances.remove(name);
        if (instance != null) {
            rescrape();
            instance.stop();
        }
    }

    /**
     * The target's monitoring (Prometheus, Alertmanager and the harness's pager), started the first time it is asked
     * for; from then on, every instance that starts or retires is added to or removed from Prometheus's targets.
     */
    public synchronized LocalMonitoring monitoring() {
        if (monitoring == null) {
            monitoring = LocalMonitoring.start(List.copyOf(instances.values()), balancer.metricsAddress(), runDirectory, registry);
        }
        return monitoring;
    }

    private synchronized void rescrape() {
        if (monitoring != null) {
            monitoring.scrape(List.copyOf(instances.values()));
        }
    }

    /** The service's configuration on this target: what an ECS task definition would hold. */
    Map<String, String> serviceProperties() {
        return ServiceInstance.configuration(dynamoDb.endpoint(), TABLE_PREFIX, tokens);
    }

    private Path serviceJar() {
        return ServiceInstance.jar(projectRoot);
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String baseUrl() {
        return balancer.url();
    }

    @Override
    public DynamoDbClient dynamoDb() {
        return dynamoDb.client();
    }

    @Override
    public String tablePrefix() {
        return TABLE_PREFIX;
    }

    @Override
    public TableDefinitions tables() {
        return tables;
    }

    @Override
    public TokenIssuer tokens() {
        return tokens;
    }

    /** The target as the local stack; fails on any other target, as a step that acts on the local stack must. */
    public static LocalTarget of(Target target) {
        if (target instanceof LocalTarget local) {
            return local;
        }
        throw new IllegalStateException("this step acts on the local stack and cannot run against " + target.name());
    }

    /** The web page and its assets through the CDN in front of the balancer, as members' browsers reach them. */
    @Override
    public String pageUrl() {
        return cdn.url();
    }

    public LocalCdn cdn() {
        return cdn;
    }

    public Haproxy balancer() {
        return balancer;
    }

    public ServiceInstance instance(String name) {
        ServiceInstance instance = instances.get(name);
        if (instance == null) {
            throw new IllegalArgumentException("no instance " + name + "; running: " + instances.keySet());
        }
        return instance;
    }

    public List<ServiceInstance> instances() {
        return List.copyOf(instances.values());
    }

    public LocalDynamoDb localDynamoDb() {
        return dynamoDb;
    }

    /** Stops every process of the stack by its PID, the monitoring, the CDN and the balancer first. Safe to call twice. */
    public synchronized void stop() {
        if (monitoring != null) {
            monitoring.close();
            monitoring = null;
        }
        if (cdn != null) {
            cdn.stop();
            cdn = null;
        }
        if (balancer != null) {
            balancer.stop();
            balancer = null;
        }
        List<ServiceInstance> running = List.copyOf(instances.values());
        running.parallelStream().forEach(ServiceInstance::stop);
        instances.clear();
        if (dynamoDb != null) {
            dynamoDb.stop();
            dynamoDb = null;
        }
    }
}

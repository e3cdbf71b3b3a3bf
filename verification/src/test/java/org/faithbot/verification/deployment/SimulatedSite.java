package org.faithbot.verification.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A balancer, a fleet and live metrics in memory, for the controller's unit tests: every reading of
 * the balancer lets 100 requests through, shared by weight among the servers in rotation; each
 * instance fails the share of them its release says and answers chat requests in the latency it is given.
 */
final class SimulatedSite implements Balancer, Fleet, MetricsSource {

    static final int REQUESTS_PER_READING = 100;

    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final List<String> spares;
    private final List<String> retired = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private long frontendResponses;
    private long frontendFailed;

    SimulatedSite(List<String> running, int spareSlots) {
        for (String name : running) {
            Instance instance = new Instance(name, Release.good("1.0"), 0, 100);
            instance.ready = true;
            instances.put(name, instance);
            Server server = new Server(name);
            server.instance = name;
            server.admin = ServerState.AdminState.READY;
            servers.put(name, server);
        }
        spares = new ArrayList<>();
        for (int i = 1; i <= spareSlots; i++) {
            servers.put("spare" + i, new Server("spare" + i));
            spares.add("spare" + i);
        }
    }

    private static final class Server {
        final String name;
        String instance;
        ServerState.AdminState admin = ServerState.AdminState.MAINT;
        int weight = 1;
        long responses;
        long errors;
        double carry;

        Server(String name) {
            this.name = name;
        }
    }

    static final class Instance implements NewInstance {
        final String name;
        final Release release;
        final double errorRatio;
        final double latencyMillis;
        final Instant launchedAt = Instant.now();
        volatile boolean ready;
        volatile boolean live = true;
        volatile boolean alive = true;
        long chatRequests;

        Instance(String name, Release release, double errorRatio, double latencyMillis) {
            this.name = name;
            this.release = release;
            this.errorRatio = errorRatio;
            this.latencyMillis = latencyMillis;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Release release() {
            return release;
        }

        @Override
        public int port() {
            return 10_000 + Math.abs(name.hashCode() % 1000);
        }

        @Override
        public String url() {
            return "http://simulated/" + name;
        }

        @Override
        public Instant launchedAt() {
            return launchedAt;
        }

        @Override
        public boolean alive() {
            return alive;
        }

        @Override
        public int readinessStatus() {
            return alive ? (ready ? 200 : 503) : -1;
        }

        @Override
        public int livenessStatus() {
            return alive && live ? 200 : -1;
        }

        @Override
        public String logTail(int lines) {
            return "(simulated)";
        }
    }

    // ------------------------------------------------------------------ how the simulated releases behave

    /** How instances of each release label behave: error ratio, chat latency, readiness. */
    private final Map<String, double[]> behaviour = new LinkedHashMap<>();
    private final List<String> neverReady = new ArrayList<>();

    SimulatedSite release(String label, double errorRatio, double latencyMillis) {
        behaviour.put(label, new double[] {errorRatio, latencyMillis});
        return this;
    }

    /** The instances running at the start fail this share of their requests (a strain on everything, not a release's fault). */
    synchronized SimulatedSite oldReleaseFails(double ratio) {
        for (String name : List.copyOf(instances.keySet())) {
            Instance old = instances.get(name);
            Instance failing = new Instance(name, old.release, ratio, old.latencyMillis);
            failing.ready = true;
            instances.put(name, failing);
        }
        return this;
    }

    SimulatedSite neverReady(String label) {
        neverReady.add(label);
        return this;
    }

    // ------------------------------------------------------------------ Fleet

    @Override
    public synchronized NewInstance launch(String name, Release release) {
        double[] behaves = behaviour.getOrDefault(release.label(), new double[] {0, 100});
        Instance instance = new Instance(name, release, behaves[0], behaves[1]);
        instance.ready = !neverReady.contains(release.label());
        instances.put(name, instance);
        return instance;
    }

    @Override
    public synchronized void retire(String name) {
        Instance instance = instances.remove(name);
        if (instance != null) {
            instance.alive = false;
            retired.add(name);
        }
    }

    @Override
    public synchronized Optional<String> url(String name) {
        return Optional.ofNullable(instances.get(name)).map(Instance::url);
    }

    @Override
    public synchronized boolean running(String name) {
        return instances.containsKey(name);
    }

    synchronized Instance byUrl(String url) {
        return instances.values().stream().filter(i -> i.url().equals(url)).findFirst().orElse(null);
    }

    synchronized List<String> retired() {
        return List.copyOf(retired);
    }

    synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    // ------------------------------------------------------------------ Balancer

    @Override
    public synchronized Map<String, ServerState> servers() {
        flow();
        Map<String, ServerState> states = new LinkedHashMap<>();
        for (Server server : servers.values()) {
            states.put(server.name, state(server));
        }
        return states;
    }

    private ServerState state(Server server) {
        Instance instance = server.instance == null ? null : instances.get(server.instance);
        String status = switch (server.admin) {
            case MAINT -> "MAINT";
            case DRAIN -> "DRAIN";
            case READY -> instance != null && instance.alive && instance.ready ? "UP" : "DOWN";
        };
        return new ServerState(server.name, status, server.weight, 0, server.responses, server.errors,
                "127.0.0.1:" + (instance == null ? 1 : instance.port()));
    }

    /** Lets one reading's requests through, by weight, to the servers in rotation. */
    private void flow() {
        List<Server> rotation = servers.values().stream().filter(s -> state(s).inRotation()).toList();
        int total = rotation.stream().mapToInt(s -> s.weight).sum();
        if (total == 0) {
            frontendResponses += REQUESTS_PER_READING;
            frontendFailed += REQUESTS_PER_READING; // no server: the balancer answers 503
            return;
        }
        for (Server server : rotation) {
            Instance instance = instances.get(server.instance);
            double share = (double) REQUESTS_PER_READING * server.weight / total;
            server.carry += share;
            long requests = (long) server.carry;
            server.carry -= requests;
            double errors = requests * instance.errorRatio;
            long failed = Math.round(errors);
            server.responses += requests;
            server.errors += failed;
            instance.chatRequests += requests;
            frontendResponses += requests;
            frontendFailed += failed;
        }
    }

    @Override
    public synchronized Counters frontend() {
        return new Counters(frontendResponses, frontendFailed);
    }

    @Override
    public synchronized void setState(String server, ServerState.AdminState state) {
        commands.add("set server " + server + " state " + state.command());
        servers.get(server).admin = state;
    }

    @Override
    public synchronized void setWeight(String server, int weight) {
        commands.add("set server " + server + " weight " + weight);
        servers.get(server).weight = weight;
    }

    @Override
    public synchronized String attach(String instance, int port) {
        String slot = servers.containsKey(instance) && !spares.contains(instance) ? instance
                : spares.stream().filter(s -> servers.get(s).instance == null).findFirst().orElseThrow();
        Server server = servers.get(slot);
        server.instance = instance;
        server.admin = ServerState.AdminState.MAINT;
        server.weight = 0;
        commands.add("set server " + slot + " addr 127.0.0.1 port " + port);
        return slot;
    }

    @Override
    public synchronized void detach(String server) {
        Server slot = servers.get(server);
        slot.admin = ServerState.AdminState.MAINT;
        slot.weight = 1;
        slot.instance = null;
    }

    @Override
    public synchronized Optional<String> serverOf(String instance) {
        return servers.values().stream().filter(s -> instance.equals(s.instance)).map(s -> s.name).findFirst();
    }

    @Override
    public synchronized Optional<String> instanceBehind(String server) {
        return Optional.ofNullable(servers.get(server)).map(s -> s.instance);
    }

    // ------------------------------------------------------------------ MetricsSource

    @Override
    public synchronized Map<String, ServerMetrics> read(Collection<String> names) {
        flow();
        Map<String, ServerMetrics> metrics = new LinkedHashMap<>();
        for (String name : names) {
            Server server = servers.get(name);
            Instance instance = server.instance == null ? null : instances.get(server.instance);
            LatencyHistogram latency = LatencyHistogram.EMPTY;
            if (instance != null) {
                TreeMap<Double, Double> buckets = new TreeMap<>();
                double seconds = instance.latencyMillis / 1000.0;
                for (double bound : new double[] {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}) {
                    buckets.put(bound, bound >= seconds ? (double) instance.chatRequests : 0.0);
                }
                buckets.put(Double.POSITIVE_INFINITY, (double) instance.chatRequests);
                latency = new LatencyHistogram(buckets);
            }
            metrics.put(name, new ServerMetrics(server.responses, server.errors, latency));
        }
        return metrics;
    }

    static DeploymentSettings fastSettings() {
        return new DeploymentSettings(Duration.ofSeconds(5), Duration.ofMillis(100), 2, 1, List.of(10, 50, 100),
                Duration.ofMillis(30), Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMillis(2),
                Duration.ofSeconds(1), Duration.ofSeconds(1), GateThresholds.standard());
    }
}

package org.faithbot.verification.deployment;

import org.faithbot.verification.http.ServiceClient;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ServiceInstance;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The local target's service instances as a deployment's fleet: each a process of the service jar, registered by PID. */
public final class LocalFleet implements Fleet {

    private final LocalTarget target;

    public LocalFleet(LocalTarget target) {
        this.target = target;
    }

    @Override
    public NewInstance launch(String name, Release release) {
        ServiceInstance instance = target.startInstance(name, release.serviceProperties());
        return new Local(instance, release, Instant.now(), new AtomicReference<>());
    }

    @Override
    public void retire(String name) {
        target.retireInstance(name);
    }

    @Override
    public Optional<String> url(String name) {
        return target.instances().stream().filter(i -> i.name().equals(name)).map(ServiceInstance::url).findFirst();
    }

    @Override
    public boolean running(String name) {
        return target.instances().stream().anyMatch(i -> i.name().equals(name) && i.process().isAlive());
    }

    private record Local(ServiceInstance instance, Release release, Instant launchedAt, AtomicReference<Instant> live) implements NewInstance {

        @Override
        public Optional<Instant> liveSince() {
            return Optional.ofNullable(live.get());
        }

        @Override
        public String name() {
            return instance.name();
        }

        @Override
        public int port() {
            return instance.port();
        }

        @Override
        public String url() {
            return instance.url();
        }

        @Override
        public boolean alive() {
            return instance.process().isAlive();
        }

        @Override
        public int readinessStatus() {
            return instance.readinessStatus();
        }

        @Override
        public int livenessStatus() {
            int status = ServiceClient.liveness(instance.url());
            if (status == 200) {
                live.compareAndSet(null, Instant.now());
            }
            return status;
        }

        @Override
        public String logTail(int lines) {
            return instance.process().logTail(lines);
        }
    }
}

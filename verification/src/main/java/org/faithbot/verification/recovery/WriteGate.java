package org.faithbot.verification.recovery;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Lets the drill hold its own writers for the instant of a backup checkpoint: writes in flight
 * finish (and are acknowledged) first, new ones wait until the checkpoint is taken. So every write
 * acknowledged before a checkpoint precedes its backup, every later one follows it, and the source
 * tables can be read at the backup's instant for their counts and checksums. (AWS's CreateBackup is
 * consistent under concurrent writes; moto's copy of a table being written to is not.)
 */
final class WriteGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    /** A writer's request: waits while a checkpoint holds the gate. */
    <T> T write(Supplier<T> request) {
        lock.readLock().lock();
        try {
            return request.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs the checkpoint with every writer held; returns its result and the instants the gate closed and opened. */
    <T> Held<T> holdWritersFor(Supplier<T> checkpoint) {
        lock.writeLock().lock();
        Instant closed = Instant.now();
        try {
            T result = checkpoint.get();
            return new Held<>(result, closed, Instant.now());
        } finally {
            lock.writeLock().unlock();
        }
    }

    record Held<T>(T result, Instant closedAt, Instant openedAt) {
    }
}

package org.faithbot.chatbot.system.ratelimit;

/**
 * A token bucket: {@code capacity} tokens, refilled at {@code capacity} per minute. Thread safe.
 */
final class TokenBucket {

    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final int capacity;

    private final double tokensPerNano;

    private double tokens;

    private long refilledAt;

    TokenBucket(int capacity, long now) {
        this.capacity = capacity;
        this.tokensPerNano = (double) capacity / NANOS_PER_MINUTE;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /**
     * Takes a token when there is one.
     * @return 0 when a token was taken, else the nanoseconds until one is available
     */
    synchronized long tryTake(long now) {
        refill(now);
        if (this.tokens >= 1) {
            this.tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - this.tokens) / this.tokensPerNano);
    }

    synchronized int remaining(long now) {
        refill(now);
        return (int) Math.floor(this.tokens);
    }

    int capacity() {
        return this.capacity;
    }

    private void refill(long now) {
        if (now > this.refilledAt) {
            this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.tokensPerNano);
            this.refilledAt = now;
        }
    }
}

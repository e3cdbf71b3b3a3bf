package org.faithbot.chatbot.system.dynamodb;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * When the service last had a DynamoDB call answered: the passive half of the readiness check. A
 * service whose calls are being answered reaches its data store, whatever a DescribeTable would say
 * on a busy moment; only without such recent evidence does the health check ask DynamoDB itself.
 */
public final class DynamoDbActivity implements ExecutionInterceptor {

    private final AtomicLong lastSuccessNanos = new AtomicLong(Long.MIN_VALUE);

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        this.lastSuccessNanos.set(System.nanoTime());
    }

    /** How long ago the last call was answered, if one ever was. */
    public Optional<Duration> sinceLastSuccess() {
        long last = this.lastSuccessNanos.get();
        return (last == Long.MIN_VALUE) ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - last));
    }
}

package org.faithbot.chatbot.system.dynamodb;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A data-store failure injected on purpose (Chaos Monkey's exception assault on the repositories,
 * profile {@code chaos-monkey}; the harness names this class in its assaults). An SDK client
 * exception, so it is answered exactly like a real DynamoDB failure (503 with Retry-After) without
 * the error handling knowing about fault injection.
 */
public class InjectedDataStoreFault extends SdkClientException {

    public InjectedDataStoreFault() {
        this("data store fault injected by Chaos Monkey");
    }

    public InjectedDataStoreFault(String message) {
        super(SdkClientException.builder().message(message));
    }
}

package org.faithbot.chatbot.system.dynamodb;

/**
 * A data-store failure injected on purpose (Chaos Monkey's exception assault on the repositories,
 * profile {@code chaos-monkey}): answered like a real DynamoDB failure, 503 with Retry-After.
 */
public class InjectedDataStoreFault extends RuntimeException {

    public InjectedDataStoreFault() {
        this("data store fault injected by Chaos Monkey");
    }

    public InjectedDataStoreFault(String message) {
        super(message);
    }
}

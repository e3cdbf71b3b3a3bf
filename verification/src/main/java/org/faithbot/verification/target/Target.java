package org.faithbot.verification.target;

import org.faithbot.verification.auth.TokenIssuer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the specs run against: the embedded local stack, or an environment in AWS (staging, production). */
public interface Target {

    /** local, staging or production: the tag a scenario carries to run here. */
    String name();

    /** The local stack on this machine, which the specs own (only there may self-tests run). */
    default boolean local() {
        return "local".equals(name());
    }

    /** Whether only scenarios that change nothing may run here (production: no {@code @destructive} scenario). */
    default boolean readOnly() {
        return false;
    }

    /** The public entry point: the balancer in front of the service. */
    String baseUrl();

    /**
     * Where members' browsers load the web page and its assets: the CDN in front of the balancer where the target has
     * one, else the balancer.
     */
    default String pageUrl() {
        return baseUrl();
    }

    /** A client on the target's DynamoDB, for reading the tables directly. */
    DynamoDbClient dynamoDb();

    /** The prefix of the service's table names on this target. */
    String tablePrefix();

    TableDefinitions tables();

    /** Issues bearer tokens the target's service accepts. */
    TokenIssuer tokens();
}

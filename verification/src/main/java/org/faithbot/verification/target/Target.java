package org.faithbot.verification.target;

import org.faithbot.verification.auth.TokenIssuer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the specs run against: the embedded local stack or the staging environment in AWS. */
public interface Target {

    /** local or staging: the tag a scenario carries to run here. */
    String name();

    /** The public entry point: the balancer in front of the service. */
    String baseUrl();

    /** A client on the target's DynamoDB, for reading the tables directly. */
    DynamoDbClient dynamoDb();

    /** The prefix of the service's table names on this target. */
    String tablePrefix();

    TableDefinitions tables();

    /** Issues bearer tokens the target's service accepts. */
    TokenIssuer tokens();

    /**
     * The local stack, for scenarios that act on its processes and balancer; fails on any other
     * target. Typed by the caller ({@code LocalTarget stack = target.local()}), because the local
     * stack's type lives in the local package, which depends on this one and not the other way
     * round. Transitional: new code says {@code LocalTarget.of(target)}, which checks the type.
     */
    default <T extends Target> T local() {
        throw new IllegalStateException("this step acts on the local stack and cannot run against " + name());
    }
}

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
}

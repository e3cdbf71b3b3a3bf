package org.faithbot.verification.recovery;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;

/**
 * The local target's driver: moto's DynamoDB, whose CreateBackup and RestoreTableFromBackup are
 * genuine snapshots. It offers no point-in-time recovery (moto's RestoreTableToPointInTime copies
 * the current table) and no AWS Backup (StartBackupJob is not implemented there): those criteria
 * are judged in staging.
 */
public final class LocalRecoveryDriver extends DynamoDbBackups {

    private final boolean ownsClient;

    /** On a client someone else closes (the drill site's). */
    public LocalRecoveryDriver(DynamoDbClient moto) {
        this(moto, false);
    }

    private LocalRecoveryDriver(DynamoDbClient moto, boolean ownsClient) {
        super(moto, Duration.ofMillis(50));
        this.ownsClient = ownsClient;
    }

    /** On a client of its own, closed with the driver. */
    static LocalRecoveryDriver owning(DynamoDbClient client) {
        return new LocalRecoveryDriver(client, true);
    }

    @Override
    public void close() {
        if (ownsClient) {
            dynamoDb().close();
        }
    }

    @Override
    public String target() {
        return "local";
    }
}

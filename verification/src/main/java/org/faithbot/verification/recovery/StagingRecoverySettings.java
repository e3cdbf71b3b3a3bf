package org.faithbot.verification.recovery;

import org.faithbot.verification.settings.Settings;
import software.amazon.awssdk.regions.Region;

/**
 * The staging recovery driver's settings, each from a system property or the environment (as the
 * staging target's): the regions, the AWS Backup vaults (terraform/modules/backup names them
 * {@code <name>-vault} and {@code <name>-vault-dr}) and the role AWS Backup restores with.
 * <ul>
 *   <li>{@code staging.region} / {@code AWS_REGION} (default eu-central-1)</li>
 *   <li>{@code staging.dr-region} / {@code STAGING_DR_REGION} (default eu-west-1)</li>
 *   <li>{@code staging.backup-vault} / {@code STAGING_BACKUP_VAULT} (default chatbot-staging-vault)</li>
 *   <li>{@code staging.dr-backup-vault} / {@code STAGING_DR_BACKUP_VAULT} (default chatbot-staging-vault-dr)</li>
 *   <li>{@code staging.backup-role-arn} / {@code STAGING_BACKUP_ROLE_ARN} (terraform output of the backup module's role)</li>
 * </ul>
 */
public final class StagingRecoverySettings {

    private StagingRecoverySettings() {
    }

    public static AwsRecoveryDriver.Settings fromConfiguration() {
        return new AwsRecoveryDriver.Settings(
                Region.of(Settings.stagingRegion()),
                Region.of(Settings.setting("staging.dr-region", "STAGING_DR_REGION", "eu-west-1")),
                Settings.setting("staging.backup-vault", "STAGING_BACKUP_VAULT", "chatbot-staging-vault"),
                Settings.setting("staging.dr-backup-vault", "STAGING_DR_BACKUP_VAULT", "chatbot-staging-vault-dr"),
                Settings.setting("staging.backup-role-arn", "STAGING_BACKUP_ROLE_ARN", ""),
                null);
    }

}

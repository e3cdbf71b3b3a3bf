package org.faithbot.verification.recovery;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staging driver against stubs of the AWS APIs: DynamoDB (JSON 1.0, X-Amz-Target) and AWS Backup
 * (REST-JSON). What is checked is what the driver sends and how it reads the answers.
 */
class AwsRecoveryDriverTest {

    private static final String DYNAMODB = "application/x-amz-json-1.0";
    private static final String TABLE_ARN = "arn:aws:dynamodb:eu-central-1:123456789012:table/chatbot-staging-messages";
    private static final String COPY_ARN = "arn:aws:backup:eu-west-1:123456789012:recovery-point:copy-1";

    private final WireMockServer aws = new WireMockServer(options().dynamicPort());
    private AwsRecoveryDriver driver;

    @BeforeEach
    void start() {
        aws.start();
        driver = AwsRecoveryDriver.connect(new AwsRecoveryDriver.Settings(Region.EU_CENTRAL_1, Region.EU_WEST_1, "chatbot-staging-vault",
                "chatbot-staging-vault-dr", "arn:aws:iam::123456789012:role/chatbot-staging-backup", URI.create(aws.baseUrl())), Duration.ofMillis(10));
    }

    @AfterEach
    void stop() {
        driver.close();
        aws.stop();
    }

    private void dynamoDb(String operation, String response) {
        aws.stubFor(dynamoDbCall(operation).willReturn(aResponse().withHeader("Content-Type", DYNAMODB).withBody(response)));
    }

    private static MappingBuilder dynamoDbCall(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810." + operation));
    }

    private void backup(MappingBuilder call, String response) {
        aws.stubFor(call.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(response)));
    }

    @Test
    void readsThePointInTimeRecoveryStatusAndWindow() {
        dynamoDb("DescribeContinuousBackups", """
                {"ContinuousBackupsDescription": {"ContinuousBackupsStatus": "ENABLED", "PointInTimeRecoveryDescription": {
                  "PointInTimeRecoveryStatus": "ENABLED", "RecoveryPeriodInDays": 35,
                  "EarliestRestorableDateTime": 1761000000, "LatestRestorableDateTime": 1764000000.5}}}""");

        PointInTimeRecovery.PitrStatus status = driver.pointInTimeRecovery().orElseThrow().status("chatbot-staging-messages");

        assertThat(status.enabled()).isTrue();
        assertThat(status.recoveryPeriodInDays()).isEqualTo(35);
        assertThat(status.latest()).isEqualTo(Instant.ofEpochSecond(1764000000, 500_000_000));
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("{\"TableName\": \"chatbot-staging-messages\"}")));
    }

    @Test
    void restoresEveryTableToAPointInTimeIntoNewTables() {
        dynamoDb("RestoreTableToPointInTime", "{\"TableDescription\": {\"TableName\": \"x\", \"TableStatus\": \"CREATING\"}}");
        aws.stubFor(dynamoDbCall("DescribeTable").inScenario("restore").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withHeader("Content-Type", DYNAMODB).withBody("{\"Table\": {\"TableStatus\": \"CREATING\"}}"))
                .willSetStateTo("active"));
        aws.stubFor(dynamoDbCall("DescribeTable").inScenario("restore").whenScenarioStateIs("active")
                .willReturn(aResponse().withHeader("Content-Type", DYNAMODB).withBody("{\"Table\": {\"TableStatus\": \"ACTIVE\"}}")));
        Instant pointInTime = Instant.parse("2026-11-24T17:59:00Z");

        RestoreReport report = new TableRestore(driver, List.of("users", "messages"))
                .toPointInTime("chatbot-staging-", "chatbot-staging-drill-", pointInTime, Duration.ofSeconds(5));

        assertThat(report.method()).isEqualTo("point-in-time");
        assertThat(report.recoveryPoint()).isEqualTo(pointInTime);
        assertThat(report.tables()).extracting(RestoredTable::table).containsExactly("chatbot-staging-drill-users", "chatbot-staging-drill-messages");
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.RestoreTableToPointInTime"))
                .withRequestBody(matchingJsonPath("$.SourceTableName", equalTo("chatbot-staging-messages")))
                .withRequestBody(matchingJsonPath("$.TargetTableName", equalTo("chatbot-staging-drill-messages")))
                .withRequestBody(matchingJsonPath("$[?(@.RestoreDateTime == 1795543140)]")));
    }

    @Test
    void listsTheTablesRecoveryPointsInThePrimaryVaultOnly() {
        backup(get(urlPathMatching("/resources/.+/recovery-points/")), """
                {"RecoveryPoints": [
                  {"RecoveryPointArn": "rp-old", "BackupVaultName": "chatbot-staging-vault", "Status": "COMPLETED", "CreationDate": 1764000000},
                  {"RecoveryPointArn": "rp-other", "BackupVaultName": "another-vault", "Status": "COMPLETED", "CreationDate": 1764003600},
                  {"RecoveryPointArn": "rp-new", "BackupVaultName": "chatbot-staging-vault", "Status": "COMPLETED", "CreationDate": 1764003600}]}""");

        List<CrossRegionBackups.RecoveryPoint> points = driver.crossRegionBackups().orElseThrow().primaryRecoveryPoints(TABLE_ARN);

        assertThat(points).extracting(CrossRegionBackups.RecoveryPoint::arn).containsExactly("rp-new", "rp-old");
    }

    @Test
    void findsTheCopiesInTheDisasterRecoveryVaultByTableName() {
        stubDrCopies();

        List<CrossRegionBackups.RecoveryPoint> copies = driver.crossRegionBackups().orElseThrow().disasterRecoveryCopies("chatbot-staging-messages");

        assertThat(copies).extracting(CrossRegionBackups.RecoveryPoint::arn).containsExactly(COPY_ARN, "copy-0");
        assertThat(copies.getFirst().sourceVaultArn()).endsWith("backup-vault:chatbot-staging-vault");
    }

    @Test
    void restoresEveryTableInTheDisasterRecoveryRegionFromItsNewestCopy() {
        stubDrCopies();
        backup(get(urlPathMatching("/backup-vaults/chatbot-staging-vault-dr/recovery-points/.+/restore-metadata")), """
                {"BackupVaultArn": "arn:aws:backup:eu-west-1:123456789012:backup-vault:chatbot-staging-vault-dr",
                 "RecoveryPointArn": "%s", "RestoreMetadata": {"targetTableName": "chatbot-staging-messages", "encryptionType": "Default"}}"""
                .formatted(COPY_ARN));
        backup(put(urlEqualTo("/restore-jobs")), "{\"RestoreJobId\": \"job-1\"}");
        aws.stubFor(get(urlEqualTo("/restore-jobs/job-1")).inScenario("job").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"RestoreJobId\": \"job-1\", \"Status\": \"RUNNING\"}"))
                .willSetStateTo("done"));
        aws.stubFor(get(urlEqualTo("/restore-jobs/job-1")).inScenario("job").whenScenarioStateIs("done")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"RestoreJobId": "job-1", "Status": "COMPLETED", "CreationDate": 1764007200, "CompletionDate": 1764007500,
                         "CreatedResourceArn": "arn:aws:dynamodb:eu-west-1:123456789012:table/chatbot-staging-dr1-messages"}""")));

        RestoreReport report = new TableRestore(driver, List.of("messages"))
                .fromDisasterRecoveryCopies("chatbot-staging-", "chatbot-staging-dr1-", Duration.ofSeconds(5));

        assertThat(report.method()).isEqualTo("aws-backup");
        assertThat(report.tables().getFirst().source()).isEqualTo(COPY_ARN);
        assertThat(report.tables().getFirst().activeAt()).isEqualTo(Instant.ofEpochSecond(1764007500));
        aws.verify(putRequestedFor(urlEqualTo("/restore-jobs"))
                .withRequestBody(matchingJsonPath("$.RecoveryPointArn", equalTo(COPY_ARN)))
                .withRequestBody(matchingJsonPath("$.ResourceType", equalTo("DynamoDB")))
                .withRequestBody(matchingJsonPath("$.IamRoleArn", equalTo("arn:aws:iam::123456789012:role/chatbot-staging-backup")))
                .withRequestBody(matchingJsonPath("$.Metadata.targetTableName", equalTo("chatbot-staging-dr1-messages")))
                .withRequestBody(matchingJsonPath("$.Metadata.encryptionType", equalTo("Default"))));
    }

    @Test
    void aFailedRestoreJobFailsTheRestore() {
        stubDrCopies();
        backup(get(urlPathMatching("/backup-vaults/chatbot-staging-vault-dr/recovery-points/.+/restore-metadata")), "{\"RestoreMetadata\": {}}");
        backup(put(urlEqualTo("/restore-jobs")), "{\"RestoreJobId\": \"job-2\"}");
        backup(get(urlEqualTo("/restore-jobs/job-2")), "{\"RestoreJobId\": \"job-2\", \"Status\": \"FAILED\", \"StatusMessage\": \"access denied\"}");

        TableRestore restore = new TableRestore(driver, List.of("messages"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> restore.fromDisasterRecoveryCopies("chatbot-staging-", "x-", Duration.ofSeconds(5)))
                .hasMessageContaining("job-2").hasMessageContaining("FAILED").hasMessageContaining("access denied");
    }

    private void stubDrCopies() {
        backup(get(urlPathEqualTo("/backup-vaults/chatbot-staging-vault-dr/recovery-points/")).withQueryParam("resourceType", equalTo("DynamoDB")), """
                {"RecoveryPoints": [
                  {"RecoveryPointArn": "copy-0", "BackupVaultName": "chatbot-staging-vault-dr", "Status": "COMPLETED", "CreationDate": 1764000000,
                   "ResourceArn": "%1$s", "SourceBackupVaultArn": "arn:aws:backup:eu-central-1:123456789012:backup-vault:chatbot-staging-vault"},
                  {"RecoveryPointArn": "users-copy", "BackupVaultName": "chatbot-staging-vault-dr", "Status": "COMPLETED", "CreationDate": 1764009000,
                   "ResourceArn": "arn:aws:dynamodb:eu-central-1:123456789012:table/chatbot-staging-users"},
                  {"RecoveryPointArn": "%2$s", "BackupVaultName": "chatbot-staging-vault-dr", "Status": "COMPLETED", "CreationDate": 1764003600,
                   "ResourceArn": "%1$s", "SourceBackupVaultArn": "arn:aws:backup:eu-central-1:123456789012:backup-vault:chatbot-staging-vault"}]}"""
                .formatted(TABLE_ARN, COPY_ARN));
    }
}

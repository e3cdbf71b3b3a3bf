package org.faithbot.verification.privacy;

import io.restassured.path.json.JsonPath;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.http.ServiceApi;
import org.faithbot.verification.local.LocalDynamoDb;
import org.faithbot.verification.local.ProcessRegistry;
import org.faithbot.verification.target.TableDefinitions;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of a user's privacy choices, against a real local DynamoDB with the service's tables and logs written as
 * the service writes them: the opt-out as stored and exported, the audit trail's entries found by request id, the
 * chat turns shared with the analytics partner. Each check must see what is wrong, not only pass what is right.
 */
class PrivacyChecksTest {

    private static final String PREFIX = "privacy-checks-test-";
    private static LocalDynamoDb dynamoDb;

    @BeforeAll
    static void startDynamoDb() {
        Path root = Targets.projectRoot();
        dynamoDb = LocalDynamoDb.start(root, root.resolve("verification/target/privacy-checks-test"),
                new ProcessRegistry(root.resolve("verification/target/privacy-checks-test/pids")));
        TableDefinitions.read(root.resolve("service/src/main/resources/dynamodb/tables.json")).createAll(dynamoDb.client(), PREFIX);
    }

    @AfterAll
    static void stopDynamoDb() {
        dynamoDb.stop();
    }

    private final TestUser rosa = TestUser.fresh("Rosa");
    private final Instant t0 = Instant.now().minusSeconds(60);

    private ServiceApi.Exchange exchange(String method, String path, String servedBy, int secondsAfter) {
        return new ServiceApi.Exchange(method, path, 200, UUID.randomUUID().toString(), servedBy, t0.plusSeconds(secondsAfter),
                t0.plusSeconds(secondsAfter).plusMillis(80));
    }

    // ------------------------------------------------------------------ the opt-out, stored and exported

    @Test
    void theOptOutOnTheAccountIsAsSheChoseItOrEachDifferenceIsNamed() {
        ServiceApi.Exchange optOut = exchange("PUT", "/api/v1/me/privacy/sale-sharing-opt-out", "s1", 5);
        putUser(rosa.id(), true, optOut.sentAt().plusMillis(40).toString(), "api");
        OptOutRecord stored = OptOutRecord.inDataStore(dynamoDb.client(), PREFIX, rosa.id(), "api", optOut);
        assertThat(stored.differences()).isEmpty();
        assertThat(stored.figure("facts not as she chose").met()).isTrue();

        OptOutRecord other = OptOutRecord.inDataStore(dynamoDb.client(), PREFIX, rosa.id(), "gpc", optOut);
        assertThat(other.differences()).containsExactly("saleSharingOptOutSource is api, not gpc");

        String stranger = TestUser.fresh("Eve").id();
        putUser(stranger, false, t0.minusSeconds(3600).toString(), "api");
        Figure wrong = OptOutRecord.inDataStore(dynamoDb.client(), PREFIX, stranger, "api", optOut).figure("facts not as she chose");
        assertThat(wrong.value()).isEqualTo(2);
        assertThat(wrong.met()).isFalse();
        assertThat(wrong.conditions()).contains("saleSharingOptOut is false, not true").contains("not within the request");
    }

    @Test
    void theExportMustShowTheOptOutAndItsAuditEntry() {
        ServiceApi.Exchange optOut = exchange("PUT", "/api/v1/me/privacy/sale-sharing-opt-out", "s2", 5);
        String at = optOut.sentAt().plusMillis(10).toString();
        String profile = "\"profile\": {\"saleSharingOptOut\": true, \"saleSharingOptOutAt\": \"" + at + "\", \"saleSharingOptOutSource\": \"gpc\"}";
        JsonPath complete = new JsonPath("{" + profile + ", \"privacyAudit\": [{\"action\": \"SALE_SHARING_OPT_OUT\", \"occurredAt\": \""
                + at + "\", \"details\": {\"source\": \"gpc\"}}]}");
        assertThat(OptOutRecord.inExport(complete, "gpc", optOut).differences()).isEmpty();
        JsonPath withoutEntry = new JsonPath("{" + profile + ", \"privacyAudit\": [{\"action\": \"DATA_EXPORTED\", \"details\": {}}]}");
        assertThat(OptOutRecord.inExport(withoutEntry, "gpc", optOut).differences())
                .containsExactly("no SALE_SHARING_OPT_OUT entry among her 1 audit entries");
    }

    // ------------------------------------------------------------------ the audit trail

    @Test
    void eachPrivacyActionHasOneCompleteEntryUnderItsRequestId() {
        List<ServiceApi.Exchange> actions = List.of(exchange("POST", "/api/v1/accounts", "s1", 1), exchange("GET", "/api/v1/me/consents", "s2", 2),
                exchange("PUT", "/api/v1/me/privacy/sale-sharing-opt-out", "s2", 3), exchange("DELETE", "/api/v1/me", "s1", 4));
        String subject = "pseudonym-" + UUID.randomUUID();
        putAudit(subject, "ACCOUNT_REGISTERED", actions.get(0), actions.get(0).servedBy());
        putAudit(subject, "SALE_SHARING_OPT_OUT", actions.get(2), actions.get(2).servedBy());
        putAudit(subject, "DATA_ERASED", actions.get(3), actions.get(3).servedBy());

        AuditTrailCheck.Result trail = AuditTrailCheck.check(dynamoDb.client(), PREFIX, rosa.id(), actions);

        assertThat(trail.problems()).isEmpty();
        assertThat(trail.actions()).hasSize(3).as("GET /api/v1/me/consents is no privacy action").noneMatch(a -> a.startsWith("GET"));
        assertThat(trail.subjects()).containsExactly(subject);
        assertThat(trail.figure().met()).isTrue();
        assertThat(trail.figure().conditions()).contains("POST /api/v1/accounts (request " + actions.get(0).requestId() + ", s1) -> ACCOUNT_REGISTERED");
    }

    @Test
    void aMissingEntryAWrongInstanceOrTheUsersIdAsSubjectIsAProblem() {
        List<ServiceApi.Exchange> actions = List.of(exchange("PUT", "/api/v1/me/consents", "s1", 1), exchange("GET", "/api/v1/me/export", "s2", 2),
                exchange("DELETE", "/api/v1/me", "s1", 3));
        putAudit("pseudonym-a", "CONSENT_CHANGED", actions.get(0), "s2");
        putAudit(rosa.id(), "DATA_ERASED", actions.get(2), "s1");

        AuditTrailCheck.Result trail = AuditTrailCheck.check(dynamoDb.client(), PREFIX, rosa.id(), actions);

        assertThat(trail.problems()).hasSize(4).anyMatch(p -> p.contains("instance s2, not s1 which served the request"))
                .anyMatch(p -> p.startsWith("GET /api/v1/me/export") && p.endsWith("0 entries under its request id, not one"))
                .anyMatch(p -> p.contains("the subject is her user id, not a pseudonym"))
                .anyMatch(p -> p.contains("under 2 subjects, not one pseudonym"));
        assertThat(trail.figure().value()).isEqualTo(4);
        assertThat(trail.figure().met()).isFalse();
    }

    @Test
    void theSweepOfOneTableReadsOnlyThatTable() {
        putUser(rosa.id(), true, t0.toString(), "api");
        PersonalDataSweep.Result sweep = new PersonalDataSweep(dynamoDb.client(), PREFIX).sweepTable("privacy-audit", Set.of(rosa.id()));
        assertThat(sweep.tables()).containsExactly(PREFIX + "privacy-audit");
        assertThat(sweep.traces()).allMatch(t -> t.table().equals(PREFIX + "privacy-audit"));
    }

    // ------------------------------------------------------------------ the sharing with the analytics partner

    @Test
    void aTurnIsSharedWhenTheLogOfItsInstanceHasAnAnalyticsEventUnderItsRequestId(@TempDir Path dir) throws Exception {
        ServiceApi.Exchange shared = exchange("POST", "/api/v1/chat", "s1", 1);
        ServiceApi.Exchange suppressed = exchange("POST", "/api/v1/chat", "s2", 2);
        ServiceApi.Exchange elsewhere = exchange("POST", "/api/v1/chat", "s9", 3);
        Files.writeString(dir.resolve("s1.log"), line(shared.requestId(), "POST /api/v1/chat 200 41 ms") + "\n"
                + line(shared.requestId(), "analytics event chat_turn subject=abc attributes={topic=hope}") + "\n");
        Files.writeString(dir.resolve("s2.log"), line(suppressed.requestId(), "POST /api/v1/chat 200 40 ms") + "\nnot json\n");

        AnalyticsSharing.Result result = AnalyticsSharing.of(LogSweep.read(Map.of("s1", dir.resolve("s1.log"), "s2", dir.resolve("s2.log"))),
                List.of(shared, suppressed, elsewhere));

        assertThat(result.shared()).containsExactly(shared);
        assertThat(result.notShared()).containsExactly(suppressed);
        assertThat(result.unchecked()).as("no log of s9 was read").containsExactly(elsewhere);
        Figure figure = result.noneShared("turns shared since the opt-out", "opted out");
        assertThat(figure.value()).as("shared or not checkable").isEqualTo(2);
        assertThat(figure.met()).isFalse();
        assertThat(figure.conditions()).contains(suppressed.requestId() + " on s2 not shared").contains(elsewhere.requestId() + " on s9 not checkable");
    }

    private static String line(String requestId, String message) {
        return "{\"@timestamp\":\"2026-12-05T10:00:00.000Z\",\"log\":{\"level\":\"INFO\"},\"message\":\"" + message + "\",\"requestId\":\"" + requestId + "\"}";
    }

    private static void putUser(String userId, boolean optOut, String at, String source) {
        dynamoDb.client().putItem(r -> r.tableName(PREFIX + "users").item(Map.of("userId", s(userId), "saleSharingOptOut",
                AttributeValue.fromBool(optOut), "saleSharingOptOutAt", s(at), "saleSharingOptOutSource", s(source))));
    }

    private static void putAudit(String subject, String action, ServiceApi.Exchange request, String instance) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("subjectRef", s(subject));
        item.put("eventKey", s(request.sentAt().toEpochMilli() + "#" + UUID.randomUUID()));
        item.put("action", s(action));
        item.put("occurredAt", s(request.sentAt().plusMillis(30).toString()));
        item.put("details", AttributeValue.fromM(Map.of("users", s("1"))));
        item.put("instanceId", s(instance));
        item.put("requestId", s(request.requestId()));
        dynamoDb.client().putItem(r -> r.tableName(PREFIX + "privacy-audit").item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

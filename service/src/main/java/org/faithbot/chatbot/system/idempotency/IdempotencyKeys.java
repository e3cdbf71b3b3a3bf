package org.faithbot.chatbot.system.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import org.faithbot.chatbot.retention.RetentionProperties;
import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.UserKeyedTable;
import org.faithbot.chatbot.system.dynamodb.UserPartition;
import org.faithbot.chatbot.system.dynamodb.UserPartitions;
import org.faithbot.chatbot.system.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import org.springframework.stereotype.Component;

import static org.faithbot.chatbot.system.dynamodb.Items.s;

/**
 * Idempotency keys ({@code Idempotency-Key} header) so a retried write is never applied twice: the
 * first request with a key claims it with a conditional put in {@code idempotency-keys} (keyed by the
 * user and {@code <operation>#<key>}), recording a fingerprint of the request and the id of the
 * resource it creates; a retry finds the claim and gets the same resource back; the same key with a
 * different request is refused (422). Keys are remembered for {@code chatbot.retention.idempotency-keys}.
 * The owner of the table: a user's keys are exported, erased and swept with the user's other data.
 */
@Component
public class IdempotencyKeys implements UserKeyedTable {

    public static final String HEADER = "Idempotency-Key";

    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final DynamoDbClient dynamoDb;

    private final String table;

    private final RetentionProperties retention;

    private final Clock clock;

    private final UserPartition partition;

    IdempotencyKeys(DynamoDbClient dynamoDb, TableCatalog catalog, RetentionProperties retention, Clock clock,
            UserPartitions partitions) {
        this.dynamoDb = dynamoDb;
        this.table = catalog.physicalName(TableCatalog.IDEMPOTENCY_KEYS);
        this.retention = retention;
        this.clock = clock;
        this.partition = partitions.of(TableCatalog.IDEMPOTENCY_KEYS);
    }

    /** 400 unless the key is 1 to 128 letters, digits or {@code . _ : -}. */
    public static String validKey(@Nullable String key) {
        if (key == null || !VALID_KEY.matcher(key).matches()) {
            throw ApiProblem.badRequest("The " + HEADER
                    + " header is required: 1 to 128 letters, digits or . _ : - (a UUID is a good choice)");
        }
        return key;
    }

    /** A one-way fingerprint of a request's content. */
    public static String fingerprint(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Claims the key for a new resource, or finds the earlier claim of the same request.
     * @throws ApiProblem 422 when the key was used for a different request
     */
    public Claim claim(String userId, String operation, String key, String fingerprint, String resourceId,
            Instant createdAt) {
        Instant now = this.clock.instant();
        Map<String, AttributeValue> keyAttributes = Map.of("userId", s(userId), "idempotencyKey",
                s(operation + "#" + key));
        try {
            this.dynamoDb.putItem(request -> request.tableName(this.table)
                .item(Map.of("userId", s(userId), "idempotencyKey", s(operation + "#" + key), "fingerprint",
                        s(fingerprint), "resourceId", s(resourceId), "createdAt", Items.time(createdAt),
                        Items.EXPIRES_AT, Items.epochSeconds(now.plus(this.retention.idempotencyKeys()))))
                .conditionExpression("attribute_not_exists(idempotencyKey) OR expiresAt < :now")
                .expressionAttributeValues(Map.of(":now", Items.epochSeconds(now))));
            return new Claim(true, resourceId, createdAt);
        }
        catch (ConditionalCheckFailedException claimed) {
            Map<String, AttributeValue> earlier = this.dynamoDb
                .getItem(request -> request.tableName(this.table).key(keyAttributes).consistentRead(true))
                .item();
            if (!fingerprint.equals(Items.string(earlier, "fingerprint"))) {
                throw ApiProblem.unprocessable("This " + HEADER
                        + " was already used for a different request: use a new key for a new request");
            }
            return new Claim(false, Items.string(earlier, "resourceId"), Items.instant(earlier, "createdAt"));
        }
    }

    /**
     * Records where the outcome of a claimed request is (e.g. the reply's message key), once it is
     * stored, so a retry can answer with it. Returns false when the claim is gone by then (its user
     * was erased while the request ran, or it expired): there is nothing to record it on, and the
     * request itself still succeeded, so that is not an error of the request.
     */
    public boolean complete(String userId, String operation, String key, String outcome) {
        try {
            this.dynamoDb.updateItem(request -> request.tableName(this.table)
                .key(Map.of("userId", s(userId), "idempotencyKey", s(operation + "#" + key)))
                .updateExpression("SET outcome = :outcome")
                .conditionExpression("attribute_exists(idempotencyKey)")
                .expressionAttributeValues(Map.of(":outcome", s(outcome))));
            return true;
        }
        catch (ConditionalCheckFailedException claimGone) {
            return false;
        }
    }

    /**
     * Claims the key, or finds the earlier claim of the same request with its recorded outcome
     * (null while that request is still being processed).
     */
    public Claim claimWithOutcome(String userId, String operation, String key, String fingerprint, String resourceId,
            Instant createdAt) {
        Claim claim = claim(userId, operation, key, fingerprint, resourceId, createdAt);
        if (claim.first()) {
            return claim;
        }
        Map<String, AttributeValue> earlier = this.dynamoDb
            .getItem(request -> request.tableName(this.table)
                .key(Map.of("userId", s(userId), "idempotencyKey", s(operation + "#" + key)))
                .consistentRead(true))
            .item();
        return new Claim(false, claim.resourceId(), claim.createdAt(), Items.string(earlier, "outcome"));
    }

    @Override
    public String tableName() {
        return TableCatalog.IDEMPOTENCY_KEYS;
    }

    @Override
    public UserPartition userPartition() {
        return this.partition;
    }

    /**
     * A claim: whether this request is the first with its key, the resource the key stands for and,
     * for a repeated request, the recorded outcome of the first (null when not recorded).
     */
    public record Claim(boolean first, String resourceId, Instant createdAt, @Nullable String outcome) {

        public Claim(boolean first, String resourceId, Instant createdAt) {
            this(first, resourceId, createdAt, null);
        }
    }
}

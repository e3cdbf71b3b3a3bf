package org.faithbot.chatbot.system.health;

import java.time.Duration;
import java.util.function.Consumer;

import org.faithbot.chatbot.system.dynamodb.DynamoDbActivity;
import org.faithbot.chatbot.system.dynamodb.DynamoDbProperties;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class DynamoDbHealthIndicatorTest {

    private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);

    private final TableCatalog catalog = TableCatalog.load("health-test-");

    private final DynamoDbProperties properties = new DynamoDbProperties(null, "us-east-1", "health-test-", null, null,
            Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1), 10, Duration.ofMillis(200),
            Duration.ofSeconds(1), Duration.ofSeconds(3));

    private final DynamoDbActivity activity = new DynamoDbActivity();

    private final DynamoDbHealthIndicator indicator = new DynamoDbHealthIndicator(this.dynamoDb, this.catalog,
            this.properties, this.activity);

    @Test
    @SuppressWarnings("unchecked")
    void onceTheTablesWereDescribedARecentlyAnsweredCallIsEvidenceEnough() {
        when(this.dynamoDb.describeTable(any(Consumer.class)))
            .thenThrow(ApiCallTimeoutException.builder().message("slow").build());
        assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
        this.activity.afterExecution(null, null);
        for (int i = 0; i < 5; i++) {
            assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
        }
        verify(this.dynamoDb, times(this.catalog.tables().size())).describeTable(any(Consumer.class));
        verify(this.dynamoDb, never()).describeTable(any(DescribeTableRequest.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutRecentEvidenceTheTablesAreDescribedAndTheResultIsReusedForASecond() {
        when(this.dynamoDb.describeTable(any(Consumer.class)))
            .thenThrow(ApiCallTimeoutException.builder().message("no answer").build());
        assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
        verify(this.dynamoDb, times(this.catalog.tables().size())).describeTable(any(Consumer.class));
    }
}

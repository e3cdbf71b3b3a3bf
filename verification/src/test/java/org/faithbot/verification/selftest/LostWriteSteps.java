package org.faithbot.verification.selftest;

import io.cucumber.java.en.When;
import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.faithbot.verification.recovery.RecoveryDrill;
import org.faithbot.verification.steps.RecoverySteps;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Only in the self-test: loses one acknowledged write in the restored tables, as a faulty restore would. */
public class LostWriteSteps {

    private final RecoverySteps recovery;

    public LostWriteSteps(RecoverySteps recovery) {
        this.recovery = recovery;
    }

    @When("one write acknowledged before the recovery point is lost from the restored messages table")
    public void loseOneWrite() {
        RecoveryDrill drill = recovery.drill();
        List<AcknowledgedWrite> older = drill.olderThanRecoveryPoint();
        assertThat(older).as("writes acknowledged before the recovery point").isNotEmpty();
        AcknowledgedWrite victim = older.getFirst();
        String messageKey = victim.conversationId() + "#" + String.format("%013d", Instant.parse(victim.createdAt()).toEpochMilli())
                + "#" + victim.messageId();
        Map<String, AttributeValue> key = Map.of("userId", AttributeValue.fromS(victim.userId()), "messageKey", AttributeValue.fromS(messageKey));
        String table = drill.restoreReport().targetPrefix() + "messages";
        Map<String, AttributeValue> deleted = drill.driver().dynamoDb()
                .deleteItem(r -> r.tableName(table).key(key).returnValues("ALL_OLD")).attributes();
        assertThat(deleted).as("the reply item of %s in %s", victim.describe(), table).isNotEmpty();
        FailureCapture.handOver(victim); // the write the self-test lost, for the test to look for in the failure
    }
}

package org.faithbot.verification.selftest;

import io.cucumber.java.en.Given;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.steps.ScenarioContext;
import org.faithbot.verification.target.TableDefinitions;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Only in the self-test: plants items that the service's erasure cannot know about. */
public class StrayItemSteps {

    private final ScenarioContext context;

    public StrayItemSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("a stray item carrying one of her attributes is planted in every table of the service")
    public void plantStrayItems() {
        if (!context.target().local()) {
            throw new IllegalStateException("refused: stray items are planted (PutItem) in the local target's tables only, never in "
                    + context.target().name() + "'s");
        }
        TestUser user = context.user();
        List<String> attributes = List.of(user.email(), user.name(), user.id());
        List<TableDefinitions.Table> tables = context.target().tables().tables();
        for (int i = 0; i < tables.size(); i++) {
            TableDefinitions.Table table = tables.get(i);
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(table.partitionKey().name(), key(table.partitionKey()));
            if (table.sortKey() != null) {
                item.put(table.sortKey().name(), key(table.sortKey()));
            }
            item.put("note", AttributeValue.fromS("copied by a careless job: " + attributes.get(i % attributes.size())));
            context.target().dynamoDb().putItem(r -> r.tableName(context.target().tablePrefix() + table.name()).item(item));
        }
    }

    private static AttributeValue key(TableDefinitions.Key key) {
        return key.type().equals("N") ? AttributeValue.fromN(Long.toString(System.nanoTime()))
                : AttributeValue.fromS("stray-" + UUID.randomUUID());
    }
}

package org.faithbot.chatbot.system.dynamodb;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every DynamoDB call, retries included, as the Micrometer timer {@code dynamodb.operation}
 * tagged with the logical {@code table}, the {@code operation} (GetItem, Query, PutItem, ...) and
 * the {@code outcome} (success or error). In Prometheus: {@code dynamodb_operation_seconds_*}; the
 * load specs read the average operation time from it and check that no {@code Scan} ever happens.
 */
class DynamoDbOperationMetrics implements ExecutionInterceptor {

    static final String METRIC = "dynamodb.operation";

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("faithbot.dynamodb.started");

    private final MeterRegistry registry;

    private final TableCatalog catalog;

    DynamoDbOperationMetrics(MeterRegistry registry, TableCatalog catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(context.request(), attributes, "success");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(context.request(), attributes, "error");
    }

    private void record(SdkRequest request, ExecutionAttributes attributes, String outcome) {
        Long started = attributes.getAttribute(STARTED);
        if (started == null) {
            return;
        }
        String operation = Optional.ofNullable(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
            .orElse(request.getClass().getSimpleName());
        Timer.builder(METRIC)
            .description("DynamoDB calls by table and operation, retries included")
            .tag("table", table(request))
            .tag("operation", operation)
            .tag("outcome", outcome)
            .register(this.registry)
            .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private String table(SdkRequest request) {
        Optional<String> tableName = request.getValueForField("TableName", String.class);
        if (tableName.isPresent()) {
            return this.catalog.logicalName(tableName.get());
        }
        Optional<Map> requestItems = request.getValueForField("RequestItems", Map.class);
        if (requestItems.isPresent() && requestItems.get().size() == 1) {
            return this.catalog.logicalName(String.valueOf(requestItems.get().keySet().iterator().next()));
        }
        return requestItems.isPresent() ? "multiple" : "none";
    }
}

package org.faithbot.verification.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** CloudWatch's DescribeAlarmHistory, state updates only: each item's {@code historyData} holds the old and the new state. */
public final class CloudWatchAlarmHistory implements AlarmHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudWatchClient cloudWatch;

    public CloudWatchAlarmHistory(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public List<Transition> transitions(String alarmName, Instant from, Instant to) {
        List<Transition> transitions = new ArrayList<>();
        String token = null;
        do {
            DescribeAlarmHistoryResponse response = cloudWatch.describeAlarmHistory(DescribeAlarmHistoryRequest.builder().alarmName(alarmName)
                    .historyItemType(HistoryItemType.STATE_UPDATE).startDate(from).endDate(to).scanBy(ScanBy.TIMESTAMP_ASCENDING)
                    .maxRecords(100).nextToken(token).build());
            for (AlarmHistoryItem item : response.alarmHistoryItems()) {
                transitions.add(transition(item));
            }
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        transitions.sort(Comparator.comparing(Transition::at));
        return transitions;
    }

    static Transition transition(AlarmHistoryItem item) {
        String from = "";
        String to = "";
        try {
            JsonNode data = JSON.readTree(item.historyData() == null ? "{}" : item.historyData());
            from = data.path("oldState").path("stateValue").asText();
            to = data.path("newState").path("stateValue").asText();
        } catch (IOException e) {
            // an item without readable states: its summary still says what happened ("Alarm updated from OK to ALARM")
            String summary = item.historySummary() == null ? "" : item.historySummary();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("from (\\w+) to (\\w+)").matcher(summary);
            if (m.find()) {
                from = m.group(1);
                to = m.group(2);
            }
        }
        return new Transition(item.alarmName(), item.timestamp(), from, to);
    }
}

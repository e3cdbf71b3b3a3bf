package org.faithbot.verification.chaos;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alarm states from CloudWatch's DescribeAlarms (metric alarms, by name, 100 names a call). */
public final class CloudWatchAlarmStates implements AlarmStates {

    private final CloudWatchClient cloudWatch;

    public CloudWatchAlarmStates(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public Map<String, Alarm> describe(Collection<String> alarmNames) {
        Map<String, Alarm> alarms = new LinkedHashMap<>();
        for (List<String> chunk : requests(alarmNames)) {
            String token = null;
            do {
                DescribeAlarmsResponse response = cloudWatch.describeAlarms(request(chunk, token));
                for (MetricAlarm alarm : response.metricAlarms()) {
                    alarms.put(alarm.alarmName(), new Alarm(alarm.alarmName(), alarm.alarmArn(), alarm.stateValueAsString()));
                }
                token = response.nextToken();
            } while (token != null && !token.isEmpty());
        }
        return alarms;
    }

    static DescribeAlarmsRequest request(List<String> names, String nextToken) {
        return DescribeAlarmsRequest.builder().alarmNames(names).maxRecords(100).nextToken(nextToken).build();
    }

    static List<List<String>> requests(Collection<String> names) {
        List<String> all = List.copyOf(names);
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 100) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 100)));
        }
        return chunks;
    }
}

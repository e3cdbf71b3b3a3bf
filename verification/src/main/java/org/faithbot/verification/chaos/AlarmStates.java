package org.faithbot.verification.chaos;

import java.util.Collection;
import java.util.Map;

/** The current state of CloudWatch alarms, by name (behind an interface: the FIS driver's guard rails are tested without CloudWatch). */
public interface AlarmStates {

    /** @param state OK, ALARM or INSUFFICIENT_DATA */
    record Alarm(String name, String arn, String state) {

        public boolean ok() {
            return "OK".equals(state);
        }
    }

    /** The alarms of these names that exist, by name; a name missing from the answer names no alarm. */
    Map<String, Alarm> describe(Collection<String> alarmNames);

    /** The alarm name in an alarm ARN ({@code arn:aws:cloudwatch:region:account:alarm:NAME}). */
    static String nameOf(String alarmArn) {
        int at = alarmArn.indexOf(":alarm:");
        return at < 0 ? alarmArn : alarmArn.substring(at + ":alarm:".length());
    }
}

package org.faithbot.verification.chaos;

import java.time.Instant;
import java.util.List;

/** The state changes of an alarm over a time window (CloudWatch's alarm history in staging). */
public interface AlarmHistory {

    /** One state change of an alarm. */
    record Transition(String alarmName, Instant at, String from, String to) {

        public boolean intoAlarm() {
            return "ALARM".equals(to);
        }

        public boolean outOfAlarm() {
            return "ALARM".equals(from) && !"ALARM".equals(to);
        }
    }

    /** The alarm's state changes between {@code from} and {@code to}, oldest first. */
    List<Transition> transitions(String alarmName, Instant from, Instant to);
}

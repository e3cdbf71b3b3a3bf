package org.faithbot.chatbot.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Daily active members, the service's own count: a member is active on a day when they register, chat or ask
 * for prayer that day. The profile keeps the UTC day of their last such request ({@code lastActiveOn}); the
 * first request of a day updates it on condition it held another day, so exactly one instance counts the
 * member once a day, and the counter {@code members_active_daily_total}, summed over the instances, grows
 * by the day's distinct active members (CloudWatch's or Prometheus's increase over the day: the DAU).
 */
@Component
public class DailyActiveMembers {

    private final Counter firstActivities;

    DailyActiveMembers(MeterRegistry registry) {
        this.firstActivities = Counter.builder("members.active.daily")
            .description("Members counted active for the first time on the current UTC day (registration, chat or prayer); "
                    + "the increase over a day, summed over the instances, is the day's distinct active members")
            .register(registry);
    }

    void firstActivityToday() {
        this.firstActivities.increment();
    }
}

package org.faithbot.chatbot.prayer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.faithbot.chatbot.account.RelatedDataOfUser;
import org.faithbot.chatbot.system.dynamodb.Items;

import org.springframework.stereotype.Component;

/**
 * The prayer team's responses to a user's prayers (they live in the members' partitions): exported
 * with the user's data without the members' ids, and erased with the user. Found from the user's own
 * prayers (only those with responses), through the index {@code byPrayer}.
 */
@Component
class ResponsesToMyPrayers implements RelatedDataOfUser {

    private final PrayerRepository prayers;

    private final PrayerResponseRepository responses;

    ResponsesToMyPrayers(PrayerRepository prayers, PrayerResponseRepository responses) {
        this.prayers = prayers;
        this.responses = responses;
    }

    @Override
    public String name() {
        return "responsesToMyPrayers";
    }

    @Override
    public List<Map<String, Object>> export(String userId) {
        List<Map<String, Object>> exported = new ArrayList<>();
        for (Prayer prayer : this.prayers.allOf(userId)) {
            if (prayer.responseCount() == 0) {
                continue;
            }
            this.responses.toPrayer(prayer.prayerId()).forEach(item -> {
                Map<String, Object> response = new LinkedHashMap<>();
                response.put("prayerId", Items.string(item, "prayerId"));
                response.put("responseId", Items.string(item, "responseId"));
                response.put("text", Items.string(item, "text"));
                response.put("createdAt", Items.string(item, "createdAt"));
                response.put("from", "prayer team");
                exported.add(response);
            });
        }
        return exported;
    }

    @Override
    public int erase(String userId) {
        int deleted = 0;
        for (Prayer prayer : this.prayers.allOf(userId)) {
            if (prayer.responseCount() == 0) {
                continue;
            }
            for (Map<String, Object> key : keys(prayer.prayerId())) {
                this.responses.delete((String) key.get("userId"), (String) key.get("responseId"));
                deleted++;
            }
        }
        return deleted;
    }

    private List<Map<String, Object>> keys(String prayerId) {
        return this.responses.toPrayer(prayerId)
            .stream()
            .map(item -> Map.<String, Object>of("userId", Items.string(item, "userId"), "responseId",
                    Items.string(item, "responseId")))
            .toList();
    }
}

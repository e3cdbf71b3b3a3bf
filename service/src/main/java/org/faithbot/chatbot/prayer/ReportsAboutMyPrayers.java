package org.faithbot.chatbot.prayer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.faithbot.chatbot.account.RelatedDataOfUser;
import org.faithbot.chatbot.system.dynamodb.Items;

import org.springframework.stereotype.Component;

/**
 * Reports other users made about a user's prayers (they live in the reporters' partitions):
 * exported with the user's data without the reporters' ids, and erased with the user. Found from the
 * user's own prayers (only those reported), through the index {@code byPrayer}.
 */
@Component
class ReportsAboutMyPrayers implements RelatedDataOfUser {

    private final PrayerRepository prayers;

    private final PrayerFlagRepository flags;

    ReportsAboutMyPrayers(PrayerRepository prayers, PrayerFlagRepository flags) {
        this.prayers = prayers;
        this.flags = flags;
    }

    @Override
    public String name() {
        return "reportsAboutMyPrayers";
    }

    @Override
    public List<Map<String, Object>> export(String userId) {
        List<Map<String, Object>> exported = new ArrayList<>();
        for (Prayer prayer : this.prayers.allOf(userId)) {
            if (prayer.flagCount() == 0) {
                continue;
            }
            for (Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key : this.flags
                .ofPrayer(prayer.prayerId())) {
                this.flags.find(Items.string(key, "userId"), Items.string(key, "flagId")).ifPresent(item -> {
                    Map<String, Object> report = new LinkedHashMap<>();
                    report.put("prayerId", Items.string(item, "prayerId"));
                    report.put("reason", Items.string(item, "reason"));
                    report.put("status", Items.string(item, "status"));
                    report.put("createdAt", Items.string(item, "createdAt"));
                    exported.add(report);
                });
            }
        }
        return exported;
    }

    @Override
    public int erase(String userId) {
        int deleted = 0;
        for (Prayer prayer : this.prayers.allOf(userId)) {
            if (prayer.flagCount() == 0) {
                continue;
            }
            for (Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key : this.flags
                .ofPrayer(prayer.prayerId())) {
                this.flags.delete(Items.string(key, "userId"), Items.string(key, "flagId"));
                deleted++;
            }
        }
        return deleted;
    }
}

package org.faithbot.chatbot.account;

import java.util.List;
import java.util.Map;

/**
 * Data about a user that lives in other users' partitions (e.g. prayer-team responses to the
 * user's prayers, reports about them): a feature that holds such data exports it with the user's
 * export and erases it with the user's erasure.
 */
public interface RelatedDataOfUser {

    /** The name of this data in the export and the erasure report, e.g. {@code responsesToMyPrayers}. */
    String name();

    List<Map<String, Object>> export(String userId);

    /** Deletes it; returns how many items were deleted. */
    int erase(String userId);
}

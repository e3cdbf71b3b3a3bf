package org.faithbot.verification.community;

import com.fasterxml.jackson.databind.JsonNode;
import org.faithbot.verification.security.SeededMember;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds an item in one of the service's paged listings ({@code items} and {@code nextCursor}), following the cursor
 * page after page as a team member scrolling the queue would, up to a number of pages.
 */
public final class Listings {

    private static final int PAGE = 100;

    private Listings() {
    }

    /** The first item of the listing at {@code path} whose {@code field} is {@code value}, reading at most {@code maxPages} pages. */
    public static Optional<JsonNode> find(String baseUrl, String token, String path, String field, String value, int maxPages) {
        String cursor = null;
        for (int page = 0; page < maxPages; page++) {
            String query = (path.contains("?") ? "&" : "?") + "limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode listing = SeededMember.call(baseUrl, token, "GET", path + query, null, 200);
            for (JsonNode item : listing.path("items")) {
                if (value.equals(item.path(field).asText())) {
                    return Optional.of(item);
                }
            }
            cursor = listing.path("nextCursor").asText(null);
            if (cursor == null || cursor.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}

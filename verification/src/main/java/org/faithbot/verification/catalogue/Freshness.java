package org.faithbot.verification.catalogue;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How long a record of evidence counts towards the launch verdict (the {@code freshness:} section of criteria.yaml):
 * a window by the level the record was obtained at, replaced by a criterion's own window (its requirement's cadence:
 * quarterly restore tests, weekly game days) for the evidence at the criterion's required level. Static evidence
 * counts only on the release's own commit.
 */
public final class Freshness {

    /** A window: a period after the record, or the same commit as the release. */
    public record Window(Period period) {

        public static final Window SAME_COMMIT = new Window(null);

        public boolean sameCommit() {
            return period == null;
        }

        /** When a record made at {@code recordedAt} stops counting (null for same-commit windows). */
        public Instant expiresAfter(Instant recordedAt) {
            return sameCommit() ? null : recordedAt.atOffset(ZoneOffset.UTC).plus(period).toInstant();
        }

        @Override
        public String toString() {
            return sameCommit() ? "same commit as the release" : period.toString();
        }

        static Window parse(String text, String where) {
            String t = text == null ? "" : text.trim();
            if (t.equals("same-commit")) {
                return SAME_COMMIT;
            }
            try {
                Period period = Period.parse(t);
                if (period.isNegative() || period.isZero()) {
                    throw new IllegalStateException("freshness of " + where + " must be a positive period: " + t);
                }
                return new Window(period);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalStateException("freshness of " + where + " is '" + t + "': use an ISO-8601 period (P14D) or same-commit", e);
            }
        }
    }

    private final Map<ProofLevel, Window> byLevel;
    private final Map<String, Window> byCriterion;

    private Freshness(Map<ProofLevel, Window> byLevel, Map<String, Window> byCriterion) {
        this.byLevel = byLevel;
        this.byCriterion = byCriterion;
    }

    static Freshness parse(JsonNode section, Set<String> criterionIds) {
        Map<ProofLevel, Window> byLevel = new EnumMap<>(ProofLevel.class);
        section.path("levels").properties().forEach(e -> byLevel.put(ProofLevel.of(e.getKey()), Window.parse(e.getValue().asText(), e.getKey())));
        for (ProofLevel level : ProofLevel.values()) {
            if (level != ProofLevel.SIGN_OFF && !byLevel.containsKey(level)) {
                throw new IllegalStateException("criteria.yaml freshness.levels gives no window for " + level);
            }
        }
        Map<String, Window> byCriterion = new HashMap<>();
        section.path("criteria").properties().forEach(e -> {
            Window window = Window.parse(e.getKey(), e.getValue().toString());
            for (JsonNode id : e.getValue()) {
                if (!criterionIds.contains(id.asText())) {
                    throw new IllegalStateException("criteria.yaml freshness names " + id.asText() + ", which is no criterion");
                }
                if (byCriterion.put(id.asText(), window) != null) {
                    throw new IllegalStateException("criteria.yaml freshness gives " + id.asText() + " two windows");
                }
            }
        });
        return new Freshness(byLevel, byCriterion);
    }

    /** The window of a record obtained at {@code level} for {@code criterion}. */
    public Window windowFor(Criterion criterion, ProofLevel level) {
        Window own = byCriterion.get(criterion.id());
        if (own != null && level != ProofLevel.STATIC && level.satisfies(criterion.level())) {
            return own;
        }
        return byLevel.getOrDefault(level, Window.SAME_COMMIT);
    }

    /** A criterion's own window, when the requirement sets its cadence. */
    public Optional<Window> ownWindow(String criterionId) {
        return Optional.ofNullable(byCriterion.get(criterionId));
    }
}

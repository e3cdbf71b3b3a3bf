package org.faithbot.verification.catalogue;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which criteria a figure is evidence for, from the {@code figures:} section of criteria.yaml. A figure is
 * recorded under every criterion its scenario carries, unless its key (or the key's family: the key up to a
 * dot, {@code deployment.rollback-time} belongs to {@code deployment}) is listed there:
 * {@code serves} keeps it to those criteria (the ones the scenario carries); {@code fallback} names the
 * criterion it is recorded under when the scenario carries none of them (the self-test features carry no
 * criterion tag). The most specific listed key wins.
 */
public final class FigureRouting {

    /** One listed key: the criteria it serves (empty: any the scenario carries) and its fallback (may be null). */
    public record Route(String key, List<String> serves, String fallback) {
    }

    private final Map<String, Route> byKey;

    FigureRouting(Map<String, Route> byKey) {
        this.byKey = byKey;
    }

    static FigureRouting parse(JsonNode figures, Set<String> criteria) {
        Map<String, Route> byKey = new LinkedHashMap<>();
        for (JsonNode node : figures) {
            String key = node.path("key").asText();
            List<String> serves = new ArrayList<>();
            node.path("serves").forEach(c -> serves.add(c.asText()));
            String fallback = node.hasNonNull("fallback") ? node.get("fallback").asText() : null;
            for (String criterion : fallback == null ? serves : concat(serves, fallback)) {
                if (!criteria.contains(criterion)) {
                    throw new IllegalStateException("figure " + key + " names " + criterion + ", which is not a criterion of the catalogue");
                }
            }
            if (key.isBlank() || byKey.put(key, new Route(key, List.copyOf(serves), fallback)) != null) {
                throw new IllegalStateException("figure key '" + key + "' is blank or listed twice in criteria.yaml");
            }
        }
        return new FigureRouting(byKey);
    }

    private static List<String> concat(List<String> list, String one) {
        List<String> all = new ArrayList<>(list);
        all.add(one);
        return all;
    }

    /** The most specific route listed for {@code key}: the key itself, then its families from the longest. */
    public Optional<Route> routeOf(String key) {
        for (String candidate = key; ; candidate = candidate.substring(0, candidate.lastIndexOf('.'))) {
            Route route = byKey.get(candidate);
            if (route != null) {
                return Optional.of(route);
            }
            if (candidate.indexOf('.') < 0) {
                return Optional.empty();
            }
        }
    }

    /**
     * The criteria a figure with this key is recorded under, in a scenario carrying {@code scenarioCriteria}.
     *
     * @throws IllegalStateException when none applies and no fallback is declared
     */
    public List<String> criteriaFor(String key, List<String> scenarioCriteria) {
        Optional<Route> route = routeOf(key);
        List<String> under = route.filter(r -> !r.serves().isEmpty())
                .map(r -> scenarioCriteria.stream().filter(r.serves()::contains).toList())
                .orElse(scenarioCriteria);
        if (!under.isEmpty()) {
            return under.stream().distinct().toList();
        }
        String fallback = route.map(r -> r.fallback() != null ? r.fallback() : r.serves().isEmpty() ? null : r.serves().getFirst()).orElse(null);
        if (fallback == null) {
            throw new IllegalStateException("the figure '" + key + "' serves none of the scenario's criteria " + scenarioCriteria
                    + " and criteria.yaml declares no fallback for it");
        }
        return List.of(fallback);
    }
}

package org.faithbot.verification.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Every criterion of the requirements, read from {@code criteria.yaml} on the class path. */
public final class CriteriaCatalogue {

    /** A tag that names a criterion: @AC-1.4, @NFR-PERF-1, @SC-DEPLOY-2. */
    public static final Pattern CRITERION_TAG = Pattern.compile("^@?((AC-\\d+\\.\\d+)|((NFR|SC)-[A-Z]+-\\d+))$");

    private static final String RESOURCE = "/criteria.yaml";

    private final Map<String, Criterion> byId;
    private final FigureRouting figures;
    private final Freshness freshness;

    private CriteriaCatalogue(Map<String, Criterion> byId, FigureRouting figures, Freshness freshness) {
        this.byId = byId;
        this.figures = figures;
        this.freshness = freshness;
    }

    public static CriteriaCatalogue load() {
        return load(RESOURCE);
    }

    /** A catalogue from another resource of the class path (a test's smaller catalogue). */
    public static CriteriaCatalogue load(String resource) {
        try (InputStream in = CriteriaCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static CriteriaCatalogue parse(JsonNode root) {
        Map<String, Criterion> byId = new LinkedHashMap<>();
        for (JsonNode group : root.path("groups")) {
            for (JsonNode c : group.path("criteria")) {
                Criterion criterion = new Criterion(
                        c.path("id").asText(),
                        group.path("id").asText(),
                        group.path("title").asText(),
                        c.path("title").asText(),
                        levelOf(c),
                        c.path("why").asText("").trim(),
                        c.hasNonNull("target") ? c.get("target").asText() : null);
                if (!CRITERION_TAG.matcher(criterion.id()).matches()) {
                    throw new IllegalStateException("criterion id " + criterion.id() + " is not of the form AC-x.y, NFR-X-n or SC-X-n");
                }
                if (criterion.why().isEmpty()) {
                    throw new IllegalStateException("criterion " + criterion.id() + " gives no why: say in one line why its level");
                }
                if (byId.put(criterion.id(), criterion) != null) {
                    throw new IllegalStateException("criterion " + criterion.id() + " is listed twice");
                }
            }
        }
        return new CriteriaCatalogue(byId, FigureRouting.parse(root.path("figures"), byId.keySet()),
                Freshness.parse(root.path("freshness"), byId.keySet()));
    }

    private static ProofLevel levelOf(JsonNode c) {
        String id = c.path("id").asText();
        if (!c.hasNonNull("level")) {
            throw new IllegalStateException("criterion " + id + " has no level: static, local, staging, production or sign-off");
        }
        ProofLevel level = ProofLevel.of(c.get("level").asText());
        if (!level.canBeRequired()) {
            throw new IllegalStateException("criterion " + id + " demands '" + level + "': an emulator is evidence, never a requirement");
        }
        return level;
    }

    /** Which criteria each figure is evidence for (the {@code figures:} section). */
    public FigureRouting figures() {
        return figures;
    }

    /** How long each record of evidence counts towards the launch verdict (the {@code freshness:} section). */
    public Freshness freshness() {
        return freshness;
    }

    /** The criteria a scenario with these tags carries, in tag order. */
    public static List<String> criteriaOf(java.util.Collection<String> tags) {
        return tags.stream().filter(CriteriaCatalogue::isCriterionTag).map(t -> t.startsWith("@") ? t.substring(1) : t).distinct().toList();
    }

    public List<Criterion> all() {
        return new ArrayList<>(byId.values());
    }

    public Optional<Criterion> find(String idOrTag) {
        return Optional.ofNullable(byId.get(idOrTag.startsWith("@") ? idOrTag.substring(1) : idOrTag));
    }

    public static boolean isCriterionTag(String tag) {
        return CRITERION_TAG.matcher(tag).matches();
    }
}

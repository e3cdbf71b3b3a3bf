package org.faithbot.verification.catalogue;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * All scenarios of the feature files, whatever tag filter a run uses: parsed with Cucumber's own
 * Gherkin parser, so a scenario's tags include those it inherits from its feature, rule and examples.
 */
public final class FeatureIndex {

    private final List<SpecScenario> scenarios;

    private FeatureIndex(List<SpecScenario> scenarios) {
        this.scenarios = scenarios;
    }

    public static FeatureIndex of(Path featuresDirectory) {
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false).build();
        List<SpecScenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.walk(featuresDirectory)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".feature")).sorted().toList()) {
                try (Stream<Envelope> envelopes = parser.parse(file)) {
                    envelopes.forEach(envelope -> {
                        envelope.getParseError().ifPresent(error -> {
                            throw new IllegalStateException("cannot parse " + file + ": " + error.getMessage());
                        });
                        envelope.getPickle().ifPresent(pickle -> scenarios.add(toScenario(featuresDirectory, file, pickle)));
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the features under " + featuresDirectory, e);
        }
        return new FeatureIndex(List.copyOf(scenarios));
    }

    private static SpecScenario toScenario(Path root, Path file, Pickle pickle) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (PickleTag tag : pickle.getTags()) {
            tags.add(tag.getName());
        }
        return new SpecScenario(root.relativize(file).toString(), pickle.getName(), tags);
    }

    public List<SpecScenario> scenarios() {
        return scenarios;
    }

    public List<SpecScenario> scenariosFor(Criterion criterion) {
        return scenarios.stream().filter(s -> s.tags().contains(criterion.tag())).toList();
    }
}

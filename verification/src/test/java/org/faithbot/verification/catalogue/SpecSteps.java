package org.faithbot.verification.catalogue;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.PickleStep;
import io.cucumber.messages.types.PickleTag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A scenario of a feature file with its criteria (from its tags, as a run takes them) and its steps' sentences, for tests of the glue. */
public record SpecSteps(String name, List<String> criteria, List<String> steps) {

    public static List<SpecSteps> of(Path featureFile) {
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false).build();
        List<SpecSteps> scenarios = new ArrayList<>();
        try (Stream<Envelope> envelopes = parser.parse(featureFile)) {
            envelopes.forEach(envelope -> envelope.getPickle().ifPresent(pickle -> scenarios.add(new SpecSteps(pickle.getName(),
                    CriteriaCatalogue.criteriaOf(pickle.getTags().stream().map(PickleTag::getName).toList()),
                    pickle.getSteps().stream().map(PickleStep::getText).toList()))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + featureFile, e);
        }
        if (scenarios.isEmpty()) {
            throw new IllegalStateException("no scenario in " + featureFile);
        }
        return scenarios;
    }
}

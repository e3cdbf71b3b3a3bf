package org.faithbot.verification.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every experiment of chaos-experiments/ (one JSON file each), by id. */
public final class ExperimentCatalogue {

    private final Map<String, Experiment> experiments;

    private ExperimentCatalogue(Map<String, Experiment> experiments) {
        this.experiments = experiments;
    }

    public static ExperimentCatalogue load(Path directory) {
        Map<String, Experiment> experiments = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Experiment experiment = Experiment.read(file);
                if (experiments.put(experiment.id(), experiment) != null) {
                    throw new IllegalArgumentException("two experiments have the id " + experiment.id());
                }
                String expected = file.getFileName().toString().replaceFirst("\\.json$", "");
                if (!experiment.id().equals(expected)) {
                    throw new IllegalArgumentException(file + ": the id must be the file's name (" + expected + "), not " + experiment.id());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return new ExperimentCatalogue(experiments);
    }

    public Experiment get(String id) {
        Experiment experiment = experiments.get(id);
        if (experiment == null) {
            throw new IllegalArgumentException("no experiment " + id + " in chaos-experiments/; known: " + experiments.keySet());
        }
        return experiment;
    }

    public List<Experiment> all() {
        return List.copyOf(experiments.values());
    }
}

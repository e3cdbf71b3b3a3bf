package org.faithbot.verification.catalogue;

import java.util.Set;

/** A scenario (or one example row of an outline) as written in a feature file. */
public record SpecScenario(String uri, String name, Set<String> tags) {

    public boolean runsOn(String target) {
        return tags.contains("@" + target);
    }
}

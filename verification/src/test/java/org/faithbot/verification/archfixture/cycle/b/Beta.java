package org.faithbot.verification.archfixture.cycle.b;

import org.faithbot.verification.archfixture.cycle.a.Alpha;

/** Planted for ArchitectureTest: package b uses package a, which uses package b. */
public class Beta {
    public Alpha alpha() {
        return new Alpha();
    }
}

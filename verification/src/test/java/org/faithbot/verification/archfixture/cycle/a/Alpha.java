package org.faithbot.verification.archfixture.cycle.a;

import org.faithbot.verification.archfixture.cycle.b.Beta;

/** Planted for ArchitectureTest: package a uses package b, which uses package a. */
public class Alpha {
    public Beta beta() {
        return new Beta();
    }
}

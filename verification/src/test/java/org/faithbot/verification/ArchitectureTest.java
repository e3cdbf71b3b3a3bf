package org.faithbot.verification;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Rules on how the harness's own packages depend on each other (main classes only). */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("org.faithbot.verification");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.faithbot.verification.(*)..").should().beFreeOfCycles()
                // TODO lead: Targets moves to run (it starts the local stack, so target -> local until then)
                .ignoreDependency(JavaClass.Predicates.equivalentTo(Targets.class), DescribedPredicate.alwaysTrue())
                .check(MAIN);
    }
}

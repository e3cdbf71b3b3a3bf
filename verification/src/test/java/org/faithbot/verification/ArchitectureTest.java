package org.faithbot.verification;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's shape, held by rules: the packages of org.faithbot.verification do not import each other in
 * circles, and step definitions are glue (no static state that would outlive a scenario or leak between features,
 * no thread pools of their own). Each rule is also shown to fail on a planted violation (archfixture).
 */
class ArchitectureTest {

    private static final String ROOT = "org.faithbot.verification";
    private static final Set<Class<?>> CONSTANT_TYPES = Set.of(String.class, Duration.class, Pattern.class, Path.class, Integer.class,
            Long.class, Double.class, Boolean.class);

    private static final JavaClasses HARNESS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    private static final JavaClasses GLUE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages(ROOT + ".steps", ROOT + ".selftest");
    private static final JavaClasses FIXTURES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS).importPackages(ROOT + ".archfixture");

    /** The packages directly under {@code root} (each with its sub-packages) are free of cycles. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** A class whose methods Cucumber calls: a step definition or hook. */
    static final DescribedPredicate<JavaClass> STEP_DEFINITIONS = new DescribedPredicate<>("step-definition classes") {
        @Override
        public boolean test(JavaClass type) {
            return type.getMethods().stream().anyMatch(m -> m.getAnnotations().stream()
                    .anyMatch(a -> a.getRawType().getPackageName().startsWith("io.cucumber.java")));
        }
    };

    /** Static fields of step definitions: none but constants (final, of a primitive or an immutable value type). */
    static ArchRule noStaticStateInStepDefinitions() {
        return fields().that().areDeclaredInClassesThat(STEP_DEFINITIONS).and().areStatic()
                .should(new ArchCondition<>("be constants (final, of a primitive or an immutable value type)") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        boolean constant = field.getModifiers().contains(JavaModifier.FINAL)
                                && (field.getRawType().isPrimitive() || CONSTANT_TYPES.stream().anyMatch(t -> field.getRawType().isEquivalentTo(t)));
                        if (!constant) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is static state of a step definition"));
                        }
                    }
                }).allowEmptyShould(true);
    }

    /** Step definitions start no threads or pools of their own: concurrency belongs to the feature packages. */
    static ArchRule noThreadPoolsInStepDefinitions() {
        return noClasses().that(STEP_DEFINITIONS).should().dependOnClassesThat()
                .haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ExecutorService")
                .allowEmptyShould(true);
    }

    @Test
    void theHarnessPackagesAreFreeOfCycles() {
        noPackageCycles(ROOT).check(HARNESS);
    }

    @Test
    void stepDefinitionsHoldNoStaticState() {
        assertThat(GLUE.stream().filter(STEP_DEFINITIONS)).as("step-definition classes found").hasSizeGreaterThan(10);
        noStaticStateInStepDefinitions().check(GLUE);
    }

    @Test
    void stepDefinitionsRunNoThreadPools() {
        noThreadPoolsInStepDefinitions().check(GLUE);
    }

    @Test
    void theCycleRuleFailsOnAPlantedCycle() {
        assertThat(noPackageCycles(ROOT + ".archfixture.cycle").evaluate(FIXTURES).hasViolation()).isTrue();
    }

    @Test
    void theStaticStateRuleFailsOnAPlantedStaticFieldOfAStepDefinition() {
        var result = noStaticStateInStepDefinitions().evaluate(FIXTURES);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(d -> d.contains("StepsWithState.scenariosSeen"))
                .noneMatch(d -> d.contains("GREETING"));
    }

    @Test
    void theThreadPoolRuleFailsOnAPlantedPool() {
        assertThat(noThreadPoolsInStepDefinitions().evaluate(FIXTURES).hasViolation()).isTrue();
    }
}

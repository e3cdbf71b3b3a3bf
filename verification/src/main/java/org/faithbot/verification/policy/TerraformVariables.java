package org.faithbot.verification.policy;

import java.nio.file.Path;
import java.util.OptionalDouble;

/** Values the Terraform declares that a drill must use too, so the two cannot drift (an alarm's threshold). */
public final class TerraformVariables {

    private TerraformVariables() {
    }

    /** The numeric default of {@code variable} in the module under {@code terraform/<moduleDirectory>}. */
    public static double numberDefault(Path projectRoot, String moduleDirectory, String variable) {
        Module module = PolicyInputs.of(projectRoot).terraform().module(moduleDirectory);
        OptionalDouble value = module.number(module.variableDefault(variable));
        return value.orElseThrow(() -> new IllegalStateException("terraform/" + moduleDirectory + " has no numeric default for " + variable));
    }
}

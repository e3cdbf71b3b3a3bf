package org.faithbot.verification.selftest;

import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A self-test runs only against the local target, which the specs own: self-tests plant stray items in the tables,
 * lose acknowledged writes, inject faults and loads on purpose. Against staging or production (-Dtarget=...) the test
 * is refused (reported as skipped, with why) before it touches anything; the remote profiles of verification/pom.xml
 * do not select self-tests in the first place, and {@link FailureCapture#run} refuses as well.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LocalTargetOnly.Condition.class)
public @interface LocalTargetOnly {

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Targets.localSelected()
                    ? ConditionEvaluationResult.enabled("the local target")
                    : ConditionEvaluationResult.disabled("refused: self-tests change their target on purpose and run against the local target only, not "
                            + Targets.selectedName());
        }
    }
}

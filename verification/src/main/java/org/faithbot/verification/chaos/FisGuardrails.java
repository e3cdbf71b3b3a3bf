package org.faithbot.verification.chaos;

import software.amazon.awssdk.services.fis.model.ExperimentTemplate;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateStopCondition;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The FIS driver's pre-flight guard rails: an experiment template is only started when
 * <ul>
 *   <li>it is tagged {@code ChaosAllowed=true} (only staging's templates are);</li>
 *   <li>it has at least one stop condition, and every one is a CloudWatch alarm;</li>
 *   <li>every stop-condition alarm exists and is in state OK now (a system already in alarm is not
 *       in its steady state, and FIS would stop at once, or not at all);</li>
 *   <li>every target selects resources by the opt-in tag {@code ChaosAllowed=true}, never by
 *       explicit ARNs.</li>
 * </ul>
 */
public final class FisGuardrails {

    public static final String OPT_IN_TAG = "ChaosAllowed";
    public static final String OPT_IN_VALUE = "true";

    private FisGuardrails() {
    }

    /** Every violation, in words; empty when the template may be started. */
    public static List<String> violations(ExperimentTemplate template, AlarmStates alarms) {
        List<String> violations = new ArrayList<>();
        if (!OPT_IN_VALUE.equals(template.tags().get(OPT_IN_TAG))) {
            violations.add("template " + template.id() + " is not tagged " + OPT_IN_TAG + "=" + OPT_IN_VALUE);
        }
        List<String> alarmNames = new ArrayList<>();
        if (!template.hasStopConditions() || template.stopConditions().isEmpty()) {
            violations.add("template " + template.id() + " has no stop condition");
        }
        for (ExperimentTemplateStopCondition condition : template.stopConditions()) {
            if (!"aws:cloudwatch:alarm".equals(condition.source()) || condition.value() == null || condition.value().isBlank()) {
                violations.add("stop condition " + condition.source() + " " + condition.value() + " is not a CloudWatch alarm");
            } else {
                alarmNames.add(AlarmStates.nameOf(condition.value()));
            }
        }
        if (!alarmNames.isEmpty()) {
            Map<String, AlarmStates.Alarm> states = alarms.describe(alarmNames);
            for (String name : alarmNames) {
                AlarmStates.Alarm alarm = states.get(name);
                if (alarm == null) {
                    violations.add("stop-condition alarm " + name + " does not exist");
                } else if (!alarm.ok()) {
                    violations.add("stop-condition alarm " + name + " is in state " + alarm.state() + ", not OK");
                }
            }
        }
        if (!template.hasTargets() || template.targets().isEmpty()) {
            violations.add("template " + template.id() + " has no target");
        }
        for (Map.Entry<String, ExperimentTemplateTarget> target : template.targets().entrySet()) {
            ExperimentTemplateTarget t = target.getValue();
            if (t.hasResourceArns() && !t.resourceArns().isEmpty()) {
                violations.add("target " + target.getKey() + " names resources by ARN instead of selecting them by the tag " + OPT_IN_TAG);
            }
            if (!OPT_IN_VALUE.equals(t.resourceTags().get(OPT_IN_TAG))) {
                violations.add("target " + target.getKey() + " (" + t.resourceType() + ") does not require the opt-in tag " + OPT_IN_TAG + "=" + OPT_IN_VALUE);
            }
        }
        return violations;
    }
}

package org.faithbot.verification.policy;

/**
 * One violation of a policy rule, located precisely enough to be fixed: the file, the resource (or
 * workflow job and step) and the attribute at fault.
 */
public record Finding(String file, String resource, String attribute, String problem) {

    public String describe() {
        return file + ": " + resource + (attribute == null || attribute.isEmpty() ? "" : " › " + attribute) + ": " + problem;
    }

    @Override
    public String toString() {
        return describe();
    }
}

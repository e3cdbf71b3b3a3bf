package org.faithbot.verification.auth;

import java.util.UUID;

/** A user the harness invents for one scenario: unique id, e-mail and name, so traces of them can be searched for. */
public record TestUser(String id, String email, String name) {

    public static TestUser fresh(String firstName) {
        String unique = UUID.randomUUID().toString();
        String shortId = unique.substring(0, 8);
        return new TestUser("user-" + unique, firstName.toLowerCase() + "." + shortId + "@example.org", firstName + " " + shortId);
    }
}

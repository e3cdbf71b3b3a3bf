package org.faithbot.verification.steps;

import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.http.ServiceApi;
import org.faithbot.verification.target.Target;
import org.faithbot.verification.target.Targets;

import java.util.ArrayList;
import java.util.List;

/**
 * What the steps of one scenario share (one instance per scenario, injected by PicoContainer). The
 * target is started on first use, not when the context is made: PicoContainer makes it for every
 * scenario whose glue has an untagged hook, and the static specs (Terraform, workflows) need no target.
 */
public class ScenarioContext {

    private Target target;
    private ServiceApi api;
    private ServiceApi quietApi;
    private String scenarioName = "";
    private TestUser user;
    private String conversationId;
    private final List<String> sentMessages = new ArrayList<>();

    public synchronized Target target() {
        if (target == null) {
            target = Targets.current();
        }
        return target;
    }

    /** The API with every exchange attached to the report. */
    public synchronized ServiceApi api() {
        if (api == null) {
            api = new ServiceApi(target().baseUrl(), true);
        }
        return api;
    }

    /** The API without attachments, for many requests in a row. */
    public synchronized ServiceApi quietApi() {
        if (quietApi == null) {
            quietApi = new ServiceApi(target().baseUrl(), false);
        }
        return quietApi;
    }

    public String scenarioName() {
        return scenarioName;
    }

    void scenarioName(String name) {
        this.scenarioName = name;
    }

    public TestUser user() {
        if (user == null) {
            throw new IllegalStateException("no user in this scenario yet");
        }
        return user;
    }

    public void user(TestUser user) {
        this.user = user;
    }

    public String token() {
        return target().tokens().tokenFor(user());
    }

    public String conversationId() {
        return conversationId;
    }

    public void conversationId(String conversationId) {
        this.conversationId = conversationId;
    }

    public List<String> sentMessages() {
        return sentMessages;
    }
}

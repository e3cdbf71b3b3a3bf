package org.faithbot.verification.steps;

import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.http.ServiceApi;
import org.faithbot.verification.target.Target;
import org.faithbot.verification.target.Targets;

import java.util.ArrayList;
import java.util.List;

/** What the steps of one scenario share (one instance per scenario, injected by PicoContainer). */
public class ScenarioContext {

    private final Target target = Targets.current();
    private final ServiceApi api = new ServiceApi(target.baseUrl(), true);
    private final ServiceApi quietApi = new ServiceApi(target.baseUrl(), false);
    private String scenarioName = "";
    private TestUser user;
    private String conversationId;
    private final List<String> sentMessages = new ArrayList<>();

    public Target target() {
        return target;
    }

    /** The API with every exchange attached to the report. */
    public ServiceApi api() {
        return api;
    }

    /** The API without attachments, for many requests in a row. */
    public ServiceApi quietApi() {
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
        return target.tokens().tokenFor(user());
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

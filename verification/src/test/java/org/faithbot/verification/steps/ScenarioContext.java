package org.faithbot.verification.steps;

import io.cucumber.java.Scenario;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.http.ServiceApi;
import org.faithbot.verification.run.VerificationRun;
import org.faithbot.verification.target.Target;

import java.util.ArrayList;
import java.util.List;

/**
 * What the steps of one scenario share (one instance per scenario, injected by PicoContainer): the run, the
 * scenario's evidence recorder, its user and conversation. The target is started on first use, not when the
 * context is made: the static specs (Terraform, workflows) need no target.
 */
public class ScenarioContext {

    private final VerificationRun run = VerificationRun.current();
    private ServiceApi api;
    private ServiceApi quietApi;
    private String scenarioName = "";
    private EvidenceRecorder evidence;
    private TestUser user;
    private String conversationId;
    private final List<String> sentMessages = new ArrayList<>();

    public VerificationRun run() {
        return run;
    }

    public Target target() {
        return run.target();
    }

    /** The recorder of this scenario's evidence: its criteria from its tags. */
    public EvidenceRecorder evidence() {
        if (evidence == null) {
            throw new IllegalStateException("no scenario has begun");
        }
        return evidence;
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

    void begin(Scenario scenario) {
        this.scenarioName = scenario.getName();
        this.evidence = run.recorder(scenario.getSourceTagNames(), scenario.getName());
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

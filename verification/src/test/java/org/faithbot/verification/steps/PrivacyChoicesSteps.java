package org.faithbot.verification.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.http.ServiceApi;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.privacy.AnalyticsSharing;
import org.faithbot.verification.privacy.AuditTrailCheck;
import org.faithbot.verification.privacy.LogSweep;
import org.faithbot.verification.privacy.OptOutRecord;
import org.faithbot.verification.privacy.PersonalDataSweep;
import org.faithbot.verification.privacy.PrivacyAccount;
import org.faithbot.verification.privacy.Trace;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of a user's privacy choices: registration with consents, the CCPA opt-out (through the API or the browser's
 * Global Privacy Control signal) and how it is honoured and kept, and the privacy audit trail of her actions, each
 * checked apart from what the service answers (its analytics log, the data store read directly, her export). The
 * checks are the privacy package's ({@link PrivacyAccount}, {@link AnalyticsSharing}, {@link OptOutRecord},
 * {@link AuditTrailCheck}).
 */
public class PrivacyChoicesSteps {

    private final ScenarioContext context;
    private PrivacyAccount account;

    public PrivacyChoicesSteps(ScenarioContext context) {
        this.context = context;
    }

    private PrivacyAccount account() {
        if (account == null) {
            account = new PrivacyAccount(context.api(), context.token(), context.user().id().substring(5, 13));
        }
        return account;
    }

    @Given("a new user {string} registered with consent to analytics")
    public void registeredWithAnalytics(String name) {
        context.user(TestUser.fresh(name));
        account().register(true);
    }

    @Given("a new user {string} registered with consent to the terms and the privacy policy, and none to analytics")
    public void registeredWithoutAnalytics(String name) {
        context.user(TestUser.fresh(name));
        account().register(false);
    }

    @Given("(s)he has sent {int} chat message(s), each of which the service shared with its analytics partner")
    public void sentMessagesShared(int count) {
        chat(count, false);
        AnalyticsSharing.Result sharing = AnalyticsSharing.of(LogSweep.read(instanceLogs()), account().chatTurns());
        context.evidence().record("privacy.opt-out", Figure.of("chat turns the service shared with the analytics partner before the opt-out "
                + "(with her consent: the check sees a sharing)", sharing.shared().size(), "turns").when(sharing.describe()));
        assertThat(sharing.shared()).as("chat turns shared with the analytics partner before the opt-out: %s", sharing.describe()).hasSize(count);
    }

    @When("(s)he sends {int} chat message(s) to the chatbot")
    public void sendsMessages(int count) {
        chat(count, false);
    }

    @When("(s)he sends {int} chat message(s) with her/his browser's Global Privacy Control signal \\(Sec-GPC: 1)")
    public void sendsWithGlobalPrivacyControl(int count) {
        chat(count, true);
    }

    @When("(s)he gives her/his consent to analytics")
    public void consentsToAnalytics() {
        account().consentToAnalytics(true);
    }

    @When("(s)he opts out of the sale or sharing of her/his personal information")
    public void optsOut() {
        account().optOut();
    }

    @Then("the service shared none of her/his chat turns since the opt-out with its analytics partner")
    public void noneSharedSinceTheOptOut() {
        AnalyticsSharing.Result sharing = AnalyticsSharing.of(LogSweep.read(instanceLogs()), account().chatTurnsSinceOptOut());
        List<Evidence> evidence = context.evidence().record("privacy.opt-out", sharing.noneShared("chat turns the service shared with the "
                + "analytics partner since the user's opt-out", "opted out by " + describe(account().optOutRequest())));
        assertThat(sharing.turns()).as("chat turns since the opt-out").isPositive();
        EvidenceRecorder.requireMet(evidence);
    }

    @Then("her/his account in the data store records the opt-out, when (s)he made it, and its source {string}")
    public void accountRecordsTheOptOut(String source) {
        OptOutRecord stored = OptOutRecord.inDataStore(context.target().dynamoDb(), context.target().tablePrefix(), context.user().id(), source,
                account().optOutRequest());
        EvidenceRecorder.requireMet(context.evidence().record("privacy.opt-out", stored.figure("facts of the user's opt-out on her account "
                + "in the data store not as she chose (opted out, when, source)")));
    }

    @Then("her/his export shows the opt-out, when (s)he made it, its source {string} and its audit entry")
    public void exportShowsTheOptOut(String source) {
        OptOutRecord exported = OptOutRecord.inExport(account().export(), source, account().optOutRequest());
        EvidenceRecorder.requireMet(context.evidence().record("privacy.opt-out", exported.figure("facts of the user's opt-out in her export "
                + "not as she chose (opted out, when, source, its audit entry)")));
    }

    @Then("each of her privacy actions has one entry in the audit trail in the data store, under the request that made it: "
            + "who \\(one pseudonym for her, never her id\\), what, when, and the instance that served it")
    public void eachActionHasItsAuditEntry() {
        AuditTrailCheck.Result trail = AuditTrailCheck.check(context.target().dynamoDb(), context.target().tablePrefix(), context.user().id(),
                context.api().exchanges());
        Allure.addAttachment("privacy audit trail", "text/plain", String.join("\n", trail.actions())
                + (trail.problems().isEmpty() ? "" : "\n\nNOT COMPLETE:\n" + String.join("\n", trail.problems())));
        List<Evidence> evidence = context.evidence().record("privacy.audit-trail", trail.figure());
        assertThat(trail.entries()).extracting(AuditTrailCheck.Entry::action).as("the actions checked")
                .containsAll(AuditTrailCheck.ACTIONS.values());
        EvidenceRecorder.requireMet(evidence);
    }

    @Then("no entry of the audit trail holds her/his e-mail address, name, user id or anything (s)he wrote")
    public void noPersonalDataInTheAuditTrail() {
        TestUser user = context.user();
        Set<String> fragments = new LinkedHashSet<>(List.of(user.id(), user.email(), user.name()));
        fragments.addAll(context.sentMessages());
        PersonalDataSweep.Result sweep = new PersonalDataSweep(context.target().dynamoDb(), context.target().tablePrefix())
                .sweepTable("privacy-audit", fragments);
        List<Evidence> evidence = context.evidence().record("privacy.audit-trail", Figure.of("attributes of the audit trail holding personal "
                + "data of the user", sweep.traces().size(), "attributes").equalTo(0).when("read directly: " + sweep.tables() + ", "
                + sweep.itemsRead() + " items, for her id, e-mail, name and " + context.sentMessages().size() + " messages"));
        assertThat(sweep.traces()).as("personal data in the audit trail").extracting(Trace::toString).isEmpty();
        EvidenceRecorder.requireMet(evidence);
    }

    @Then("after the erasure the service still shows her/him the entries of her/his privacy actions, newest first")
    public void theServiceShowsTheEntries() {
        List<String> made = context.api().exchanges().stream().filter(e -> e.status() / 100 == 2)
                .map(e -> AuditTrailCheck.ACTIONS.get(e.method() + " " + e.path())).filter(a -> a != null).toList();
        List<String> shown = account().auditEntries().stream().map(e -> String.valueOf(e.get("action"))).toList();
        assertThat(shown).as("her audit entries as the service shows them").containsExactlyElementsOf(made.reversed());
    }

    private void chat(int count, boolean globalPrivacyControl) {
        int before = account().sentMessages().size();
        account().chat(count, globalPrivacyControl);
        context.sentMessages().addAll(account().sentMessages().subList(before, before + count));
    }

    private static String describe(ServiceApi.Exchange request) {
        return request == null ? "no request (she did not opt out)" : request.method() + " " + request.path() + " (request " + request.requestId() + " on " + request.servedBy() + ", " + request.sentAt() + ")";
    }

    private Map<String, Path> instanceLogs() {
        Map<String, Path> logs = new LinkedHashMap<>();
        LocalTarget.of(context.target()).instances().forEach(i -> logs.put(i.name(), i.process().logFile()));
        return logs;
    }
}

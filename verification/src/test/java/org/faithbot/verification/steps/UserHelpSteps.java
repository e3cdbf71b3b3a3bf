package org.faithbot.verification.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.docs.UserHelp;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.target.Targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of AC-6.1: the help pages reached from the chat page in headless Chromium, scanned by axe-core, the chat
 * used by keyboard alone, and the accessibility guide's claims held to what was checked.
 */
public class UserHelpSteps {

    private static final String HELP = "docs.user-help";

    private final ScenarioContext context;
    private UserHelp.Outcome outcome;

    public UserHelpSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("a member opens the chat page in a browser, follows its help links, and chats with the keyboard alone")
    public void openAndFollow() {
        String token = context.target().tokens().tokenFor(TestUser.fresh("keyboard"));
        outcome = UserHelp.check(context.target().baseUrl(), UserHelp.helpPages(),
                Targets.projectRoot().resolve("tools/node_modules/axe-core/axe.min.js"), token);
        Allure.addAttachment("help pages and the accessibility scan", "text/plain", "reached: " + outcome.reached() + "\nmissing: "
                + outcome.missing() + "\nscanned: " + outcome.scanned() + "\nviolations:\n" + outcome.violations().stream()
                .map(Object::toString).collect(Collectors.joining("\n")) + "\nkeyboard: " + outcome.keyboard(), ".txt");
    }

    @Then("every help page the chat page links to is reached, with its heading")
    public void everyPageReached() {
        long withHeading = outcome.reached().stream().filter(r -> r.heading() != null && !r.heading().isBlank()).count();
        context.evidence().require(HELP, Figure.of("help pages reached from the chat page with their heading", withHeading, "pages")
                .equalTo(UserHelp.helpPages().size()).when("links " + UserHelp.helpPages() + " clicked on the chat page: " + outcome.reached()
                        + (outcome.missing().isEmpty() ? "" : "; missing " + outcome.missing())));
    }

    @Then("axe-core finds no serious or critical WCAG 2.1 A or AA violation on the chat page or on any help page")
    public void noSeriousViolations() {
        Map<String, Long> byImpact = new TreeMap<>(outcome.violations().stream().collect(Collectors.groupingBy(UserHelp.Violation::impact,
                Collectors.counting())));
        List<UserHelp.Violation> serious = outcome.violations().stream().filter(UserHelp.Violation::seriousOrCritical).toList();
        String conditions = "axe-core 4.14.1, rules tagged " + UserHelp.WCAG_TAGS + ", on " + outcome.scanned() + "; violations by impact "
                + byImpact + (outcome.violations().isEmpty() ? "" : "\n" + outcome.violations().stream().map(Object::toString)
                .collect(Collectors.joining("\n")));
        context.evidence().record(HELP, Figure.of("pages scanned by axe-core", outcome.scanned().size(), "pages").when(conditions));
        context.evidence().require(HELP, Figure.of("serious or critical accessibility violations", serious.size(), "violations").equalTo(0)
                .when(conditions));
    }

    @Then("the keyboard alone saved the token, sent a message and brought its reply")
    public void keyboardChat() {
        UserHelp.KeyboardChat keyboard = outcome.keyboard();
        assertThat(keyboard.tabsToToken()).as("Tab presses to the token field (-1: never reached)").isPositive();
        assertThat(keyboard.tabsToMessage()).as("Tab presses from the token to the message box (-1: never reached)").isPositive();
        assertThat(keyboard.reply()).as("the reply to the message sent with Enter").isNotBlank();
        context.evidence().record(HELP, Figure.of("Tab presses from the token field to the message box", keyboard.tabsToMessage(), "presses")
                .when("Tab to the token (" + keyboard.tabsToToken() + " presses), type it, Enter; Tab to the message box, type, Enter; reply: "
                        + keyboard.reply()));
    }

    @Then("the accessibility guide claims the checks that ran: axe-core's WCAG 2.1 A and AA rules on the chat page and the help pages, and a keyboard-only message")
    public void guideClaimsWhatRan() {
        String guide;
        try {
            guide = Files.readString(Targets.projectRoot().resolve("service/src/main/resources/documents/accessibility.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(guide).contains("axe-core", "WCAG 2.1 A and AA", "the chat page and the help pages", "keyboard-only",
                "**Enter** in the message box sends the message");
        assertThat(outcome.scanned()).as("pages scanned").contains("/").hasSize(1 + UserHelp.helpPages().size());
    }
}

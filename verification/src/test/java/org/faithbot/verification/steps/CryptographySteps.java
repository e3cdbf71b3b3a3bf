package org.faithbot.verification.steps;

import io.cucumber.java.After;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ServiceInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of OWASP A02 (cryptographic failures) on the local target: an instance given a token signing key too short
 * for HS256 must refuse to start rather than verify tokens with it, and must not write the key in its log.
 */
public class CryptographySteps {

    private static final String CRYPTOGRAPHY = "security.owasp-cryptography";
    private static final String NAME = "a02-short-key";
    private static final long EXIT_MILLIS = 120_000;

    private final ScenarioContext context;
    private ServiceInstance instance;
    private String shortKey;
    private boolean exited;
    private boolean served;
    private String log;

    public CryptographySteps(ScenarioContext context) {
        this.context = context;
    }

    @When("an instance is started with a token signing key of {int} bytes")
    public void startWithShortKey(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        shortKey = Base64.getEncoder().encodeToString(key);
        instance = LocalTarget.of(context.target()).startInstance(NAME, Map.of("chatbot.security.jwt.hmac-secret", shortKey));
        long deadline = System.currentTimeMillis() + EXIT_MILLIS;
        while (instance.process().isAlive() && System.currentTimeMillis() < deadline) {
            if (instance.readinessStatus() == 200) {
                served = true;
                break;
            }
            sleep(250);
        }
        exited = !instance.process().isAlive();
        try {
            log = Files.readString(instance.process().logFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LocalTarget.of(context.target()).retireInstance(NAME);
        instance = null;
        Allure.addAttachment("the short-key instance's log (end)", "text/plain", tail(log), ".txt");
    }

    @Then("it exits during start-up, saying the key must be at least {int} bytes")
    public void refusedToStart(int minimum) {
        String reason = "the token signing key must decode to at least " + minimum + " bytes";
        context.evidence().require(CRYPTOGRAPHY, Figure.of("instances given a " + shortKeyBits() + "-bit signing key that became ready",
                served ? 1 : 0, "instances").equalTo(0).when("an instance started with " + shortKeyBits() + " bits of key; it "
                + (exited ? "exited during start-up" : served ? "became ready" : "neither exited nor became ready within " + EXIT_MILLIS / 1000 + " s")));
        assertThat(exited).as("the instance exited during start-up").isTrue();
        assertThat(log).as("the reason in the instance's log").contains(reason);
    }

    @Then("its log does not hold the key")
    public void keyNotLogged() {
        assertThat(log).as("the instance's log").doesNotContain(shortKey);
    }

    @After("@owasp")
    public void retire() {
        if (instance != null) {
            LocalTarget.of(context.target()).retireInstance(NAME);
            instance = null;
        }
    }

    private int shortKeyBits() {
        return Base64.getDecoder().decode(shortKey).length * 8;
    }

    private static String tail(String text) {
        return text.length() <= 8_000 ? text : text.substring(text.length() - 8_000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.faithbot.verification.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A document states a standard only in a sentence that names its subject and the configured value in words or digits. */
class StatedStandardsTest {

    private static final List<StatedStandards.Standard> STANDARDS = List.of(
            new StatedStandards.Standard("chatbot.prayer.moderation-standard", "24h", List.of("moderat", "report")),
            new StatedStandards.Standard("chatbot.prayer.auto-hide-flags", "3", List.of("report", "hid")),
            new StatedStandards.Standard("chatbot.safety.escalation-response-standard", "15m", List.of("acknowledg", "escalat")));

    @Test
    void sentencesThatStateEachStandardAsConfiguredPass() {
        String document = """
                # Guidelines

                Moderators review reports within **24 hours**. A prayer reported by three people is hidden until reviewed.

                | channel | answered within |
                |---|---|
                | crisis escalations | acknowledged within 15 minutes |
                """;
        assertThat(StatedStandards.misstated(document, STANDARDS)).isEmpty();
    }

    @Test
    void aValueChangedInTheDocumentOnlyIsNamed() {
        String document = "Moderators review reports within 48 hours. A prayer reported by 3 people is hidden. Support acknowledges "
                + "every escalation within 15 minutes.";
        assertThat(StatedStandards.misstated(document, STANDARDS)).singleElement().asString().startsWith("chatbot.prayer.moderation-standard = 24h");
    }

    @Test
    void theValueInASentenceAboutSomethingElseDoesNotCount() {
        String document = "The onboarding session takes 24 hours. Reports are read by moderators. Three reports hide a prayer. "
                + "Escalations are acknowledged within 15 minutes.";
        assertThat(StatedStandards.misstated(document, STANDARDS)).singleElement().asString().contains("moderation-standard");
    }

    @Test
    void theServicesOwnDocumentsStateItsStandards() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<StatedStandards.Standard> configured = StatedStandards.configured(root);
        assertThat(configured).extracting(StatedStandards.Standard::configured).containsExactly("24h", "24h", "3", "15m");
        assertThat(StatedStandards.duration("15m")).isEqualTo(Duration.ofMinutes(15));
    }
}

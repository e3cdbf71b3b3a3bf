package org.faithbot.verification.signoff;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sign-off ledger and the waivers: the shipped files are valid and sign nothing; bad entries are refused with a reason. */
class SignOffLedgerTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-05");
    private final CriteriaCatalogue catalogue = CriteriaCatalogue.load();
    private final Path schema = Targets.projectRoot().resolve(SignOffLedger.SCHEMA);

    @TempDir
    Path dir;

    @Test
    void theShippedLedgerIsValidCoversEverySignOffCriterionAndSignsNothing() {
        SignOffLedger ledger = SignOffLedger.of(Targets.projectRoot(), catalogue, TODAY);
        assertThat(ledger.items()).hasSizeGreaterThanOrEqualTo((int) catalogue.all().stream().filter(c -> c.needsSignOff()).count());
        assertThat(ledger.items()).allSatisfy(s -> assertThat(s.stateOn(TODAY)).as(s.item()).isEqualTo(SignOff.State.UNSIGNED));
        catalogue.all().stream().filter(c -> c.needsSignOff())
                .forEach(c -> assertThat(ledger.signedOff(c.id(), TODAY)).as(c.id()).isFalse());
    }

    @Test
    void theShippedWaiversAreValidAndEmpty() {
        assertThat(Waivers.of(Targets.projectRoot(), catalogue).all()).isEmpty();
    }

    @Test
    void aSignatureWithoutItsRecordIsRefusedBySchema() throws IOException {
        Path file = ledger("""
                signOffs:
                  - { item: "Every on-call engineer trained", criterion: SC-OPS-5, role: "SRE lead",
                      name: "Ada Example", date: "2026-12-01", expiry: "2027-12-01", record: null }
                """);
        assertThatThrownBy(() -> SignOffLedger.read(file, schema, catalogue, TODAY)).hasMessageContaining("does not follow");
    }

    @Test
    void aSignatureDatedInTheFutureOrExpiringBeforeItWasSignedIsRefused() throws IOException {
        Path future = ledger(signed("2026-12-24", "2027-12-01"));
        assertThatThrownBy(() -> SignOffLedger.read(future, schema, catalogue, TODAY)).hasMessageContaining("after today");
        Path backwards = ledger(signed("2026-12-01", "2026-11-01"));
        assertThatThrownBy(() -> SignOffLedger.read(backwards, schema, catalogue, TODAY)).hasMessageContaining("not after it was signed");
    }

    @Test
    void aSignatureCannotStandInForMeasuredEvidence() throws IOException {
        Path file = ledger("""
                signOffs:
                  - { item: "The chat is fast enough, I promise", criterion: NFR-PERF-1, role: "Product owner",
                      name: null, date: null, expiry: null, record: null }
                """);
        assertThatThrownBy(() -> SignOffLedger.read(file, schema, catalogue, TODAY)).hasMessageContaining("not sign-off");
    }

    @Test
    void anExpiredSignatureIsNotASignOff() throws IOException {
        Path file = Files.writeString(dir.resolve("all.yaml"), Files.readString(Targets.projectRoot().resolve(SignOffLedger.FILE))
                .replaceFirst("name: null\n    date: null\n    expiry: null\n    record: null",
                        "name: \"Ada Example\"\n    date: \"2025-11-01\"\n    expiry: \"2026-11-01\"\n    record: \"https://tracker.example.org/DPO-1\""));
        SignOffLedger ledger = SignOffLedger.read(file, schema, catalogue, TODAY);
        SignOff signed = ledger.items().stream().filter(s -> s.name() != null).findFirst().orElseThrow();
        assertThat(signed.stateOn(TODAY)).isEqualTo(SignOff.State.EXPIRED);
        assertThat(signed.describeOn(TODAY)).contains("expired on 2026-11-01");
        assertThat(signed.stateOn(LocalDate.parse("2026-10-31"))).isEqualTo(SignOff.State.SIGNED);
    }

    @Test
    void aWaiverNeedsAnOwnerAReasonAndAnExpiry() throws IOException {
        Path file = Files.writeString(dir.resolve("waivers.yaml"), """
                waivers:
                  - { criterion: NFR-PERF-5, owner: "Jane Doe", reason: "short", granted: "2026-12-01", expiry: "2026-12-31" }
                """);
        assertThatThrownBy(() -> Waivers.read(file, Targets.projectRoot().resolve(Waivers.SCHEMA), catalogue)).hasMessageContaining("does not follow");
    }

    private static String signed(String date, String expiry) {
        return """
                signOffs:
                  - { item: "Every on-call engineer trained", criterion: SC-OPS-5, role: "SRE lead",
                      name: "Ada Example", date: "%s", expiry: "%s", record: "https://tracker.example.org/T-1" }
                """.formatted(date, expiry);
    }

    private Path ledger(String yaml) throws IOException {
        return Files.writeString(dir.resolve("sign-offs.yaml"), yaml);
    }
}

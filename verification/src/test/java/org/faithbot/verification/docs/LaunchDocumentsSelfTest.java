package org.faithbot.verification.docs;

import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launch-document checks fail on the one fault they exist for: a retention period changed in the privacy policy
 * (and only there) fails the policy check naming the table, while the playbook and inventory checks still pass.
 */
class LaunchDocumentsSelfTest {

    private final Path root = Targets.projectRoot();

    @Test
    void theRepositoryDocumentsPassEveryCheck() {
        assertThat(PolicyRecordCheck.check(root).problems()).isEmpty();
        assertThat(AlarmPlaybookCheck.check(root).passed()).isTrue();
        assertThat(ProcedureInventory.check(root).percent()).isEqualTo(100.0);
        assertThat(ProcedureInventory.check(root).uncovered()).isEmpty();
        assertThat(ProcedureInventory.check(root).items()).isEqualTo(24);
    }

    @Test
    void everyLaunchPreparationItemIsNamedByItsList() {
        assertThat(ProcedureInventory.preparationItems()).hasSize(24)
                .containsEntry("insurance", "legal and compliance / insurance coverage reviewed and updated");
    }

    @Test
    void oneRetentionChangedInThePolicyFailsThePolicyCheckNamingTheTable() throws Exception {
        String policy = Files.readString(root.resolve(PolicyRecordCheck.POLICY));
        String changed = policy.replace("{ table: prayers,           category: \"prayer requests, visibility, status\", retention: 180d }",
                "{ table: prayers,           category: \"prayer requests, visibility, status\", retention: 90d }");
        assertThat(changed).as("the self-test found the prayers row to change").isNotEqualTo(policy);

        PolicyRecordCheck.Result result = PolicyRecordCheck.check(root, new MarkdownDocument(root.resolve(PolicyRecordCheck.POLICY), changed).yamlBlock());

        assertThat(result.problems()).singleElement().asString().contains("table prayers").contains("90d").contains("180d");
        assertThat(AlarmPlaybookCheck.check(root).passed()).isTrue();
        assertThat(ProcedureInventory.check(root).undocumented()).isEmpty();
    }

    @Test
    void aTableMissingFromThePolicyIsNamed() throws Exception {
        String policy = Files.readString(root.resolve(PolicyRecordCheck.POLICY));
        String changed = policy.replaceFirst("(?m)^  - \\{ table: escalations,.*\\R", "");

        PolicyRecordCheck.Result result = PolicyRecordCheck.check(root, new MarkdownDocument(root.resolve(PolicyRecordCheck.POLICY), changed).yamlBlock());

        assertThat(result.problems()).singleElement().asString().contains("table escalations").contains("does not list it");
    }

    @Test
    void headingsBecomeGitHubAnchorsAndBrokenLinksAreNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.md"), "# Title\n## 1. Acknowledge and assess (within 15 minutes)\n[ok](#title) [bad](b.md) [bad anchor](#nope)\n");
        MarkdownDocument doc = MarkdownDocument.read(dir.resolve("a.md"));

        assertThat(doc.anchors()).contains("1-acknowledge-and-assess-within-15-minutes");
        assertThat(LinkCheck.check(dir, java.util.List.of(doc)).broken()).hasSize(2)
                .anySatisfy(b -> assertThat(b).contains("b.md").contains("no such file"))
                .anySatisfy(b -> assertThat(b).contains("#nope").contains("no heading"));
    }
}

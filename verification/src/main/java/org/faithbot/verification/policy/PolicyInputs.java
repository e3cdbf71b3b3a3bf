package org.faithbot.verification.policy;

import org.faithbot.verification.catalogue.FeatureIndex;
import org.faithbot.verification.catalogue.SpecScenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the rules read: the repository's terraform/, .github/, features/ and service/ files under one project
 * root, parsed once (lazily) and shared by every rule. The Node tools come from {@code toolsRoot}
 * (the real project root, also when the files are a planted copy in a temporary directory).
 */
public final class PolicyInputs {

    private static final Map<Path, PolicyInputs> SHARED = new ConcurrentHashMap<>();

    private final Path projectRoot;
    private final Path toolsRoot;
    private TerraformConfig terraform;
    private Workflows workflows;
    private List<SpecScenario> scenarios;
    private HarnessAwsCalls harnessCalls;

    public PolicyInputs(Path projectRoot, Path toolsRoot) {
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
        this.toolsRoot = toolsRoot.toAbsolutePath().normalize();
    }

    /** The inputs of the repository at that root, parsed once per run. */
    public static PolicyInputs of(Path projectRoot) {
        return SHARED.computeIfAbsent(projectRoot.toAbsolutePath().normalize(), root -> new PolicyInputs(root, root));
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public Path toolsRoot() {
        return toolsRoot;
    }

    public synchronized TerraformConfig terraform() {
        if (terraform == null) {
            terraform = TerraformConfig.load(projectRoot, toolsRoot);
        }
        return terraform;
    }

    public synchronized Workflows workflows() {
        if (workflows == null) {
            workflows = Workflows.load(projectRoot);
        }
        return workflows;
    }

    /** Every scenario of features/, with the tags it inherits (none when there is no features/ folder). */
    public synchronized List<SpecScenario> scenarios() {
        if (scenarios == null) {
            Path features = projectRoot.resolve("features");
            scenarios = Files.isDirectory(features) ? FeatureIndex.of(features).scenarios() : List.of();
        }
        return scenarios;
    }

    /** The harness's AWS calls and the scenarios that change their target (policy/harness-aws-calls.yaml). */
    public synchronized HarnessAwsCalls harnessCalls() {
        if (harnessCalls == null) {
            harnessCalls = HarnessAwsCalls.load();
        }
        return harnessCalls;
    }

    /** A file of the repository, for rules that read one as text or JSON. */
    public Path file(String relative) {
        return projectRoot.resolve(relative);
    }
}

package org.faithbot.verification.policy;

import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * policy/harness-aws-calls.yaml against the drivers it names: the AWS SDK operations each driver's sources call (on a
 * client of a service they import), as IAM actions, are exactly the calls listed for the driver that are not
 * authorised on the way of another (kms, iam:PassRole, fis:TagResource). And every source of the harness that uses an
 * AWS SDK client is either a driver's or one of the local-only ones below: a new driver cannot be left out.
 */
class HarnessAwsCallsTest {

    private static final Path SOURCES = Targets.projectRoot().resolve("verification/src/main/java/org/faithbot/verification");
    private static final Pattern CLIENT_IMPORT = Pattern.compile("import software\\.amazon\\.awssdk\\.services\\.([a-z0-9]+)\\.([A-Za-z0-9]+Client);");
    private static final Set<String> NOT_OPERATIONS = Set.of("close", "serviceName", "serviceClientConfiguration", "utilities", "waiter",
            "create", "builder");

    /** Sources that use an SDK client on the local stack or its emulators only, never against a remote target, and why. */
    private static final Map<String, String> LOCAL_ONLY = Map.ofEntries(
            Map.entry("local/LocalDynamoDb.java", "dynalite, the local target's DynamoDB"),
            Map.entry("local/LocalMoto.java", "moto, the local recovery drills' AWS"),
            Map.entry("local/SecretsManagerEmulator.java", "moto as the security drill's Secrets Manager"),
            Map.entry("local/LocalTarget.java", "the local stack"),
            Map.entry("target/TableDefinitions.java", "creates the tables on the local DynamoDB"),
            Map.entry("load/TableStorage.java", "measures what the local DynamoDB's tables hold after the production day"),
            Map.entry("target/Target.java", "the interface: a client type only"),
            Map.entry("chaos/GameDay.java", "builds the FIS and CloudWatch clients its drivers (listed) call"),
            Map.entry("recovery/RecoveryDriver.java", "the interface: a client type only"),
            Map.entry("recovery/LocalRecoveryDriver.java", "the local drills on moto"),
            Map.entry("recovery/DynamoDbBackups.java", "on-demand backups of the local drills on moto"),
            Map.entry("recovery/BadRelease.java", "the local drill's corrupting release"),
            Map.entry("recovery/Disaster.java", "the local drill's disasters"),
            Map.entry("recovery/TableLoss.java", "the local drill's deleted table"),
            Map.entry("recovery/CrossRegionBackups.java", "the interface: a client type only"),
            Map.entry("recovery/RecoveryCli.java", "bin/dr, the runbooks' command: run by people with their own role, and by the local drills on moto"),
            Map.entry("recovery/EcsRepoint.java", "bin/dr repoint (RecoveryCli): not a spec's call"));

    @Test
    void everyDriversListedCallsAreExactlyTheSdkCallsOfItsSources() throws Exception {
        HarnessAwsCalls calls = HarnessAwsCalls.load();
        for (HarnessAwsCalls.Driver driver : calls.allDrivers()) {
            assertThat(driver.sources()).as("%s names its sources", driver.name()).isNotEmpty();
            Set<String> made = new TreeSet<>();
            for (String source : driver.sources()) {
                made.addAll(sdkCalls(SOURCES.resolve(source)));
            }
            Set<String> listed = new TreeSet<>();
            driver.calls().stream().filter(c -> !c.implicit()).forEach(c -> listed.add(c.action()));
            assertThat(listed).as("the calls listed for %s in %s, against the SDK calls of %s", driver.name(), HarnessAwsCalls.RESOURCE,
                    driver.sources()).isEqualTo(made);
        }
    }

    @Test
    void everySourceThatUsesAnAwsClientIsADriversOrLocalOnly() throws IOException {
        Set<String> drivers = new TreeSet<>();
        HarnessAwsCalls.load().allDrivers().forEach(d -> drivers.addAll(d.sources()));
        Set<String> unaccounted = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                if (CLIENT_IMPORT.matcher(Files.readString(file)).find() && !drivers.contains(relative) && !LOCAL_ONLY.containsKey(relative)) {
                    unaccounted.add(relative);
                }
            }
        }
        assertThat(unaccounted).as("sources using an AWS SDK client that are neither a driver's in %s nor local-only", HarnessAwsCalls.RESOURCE)
                .isEmpty();
        assertThat(LOCAL_ONLY.keySet()).allSatisfy(f -> assertThat(SOURCES.resolve(f)).exists());
    }

    @Test
    void theSdkCallsOfASourceAreFoundAsIamActions() throws Exception {
        assertThat(sdkCalls(SOURCES.resolve("privacy/PersonalDataSweep.java")))
                .containsExactlyInAnyOrder("dynamodb:DescribeTable", "dynamodb:ListTables", "dynamodb:Scan");
    }

    /** The IAM actions of the SDK operations a source calls on the clients it imports (xPaginator is the operation x). */
    static Set<String> sdkCalls(Path source) throws Exception {
        String text = Files.readString(source);
        Map<String, String> operations = new TreeMap<>();
        Matcher imports = CLIENT_IMPORT.matcher(text);
        while (imports.find()) {
            Class<?> client = Class.forName("software.amazon.awssdk.services." + imports.group(1) + "." + imports.group(2));
            String prefix = imports.group(1);
            for (Method method : client.getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || NOT_OPERATIONS.contains(method.getName())) {
                    continue;
                }
                String operation = method.getName().replaceFirst("Paginator$", "");
                operations.put(method.getName(), prefix + ":" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
            }
        }
        Set<String> actions = new TreeSet<>();
        operations.forEach((method, action) -> {
            if (Pattern.compile("\\." + Pattern.quote(method) + "\\(").matcher(text).find()) {
                actions.add(action);
            }
        });
        return actions;
    }
}

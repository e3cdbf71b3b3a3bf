package org.faithbot.verification.recovery;

import org.faithbot.verification.target.LocalAws;
import org.faithbot.verification.target.TableDefinitions;
import org.faithbot.verification.target.Targets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.EcsClientBuilder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/dr}: the disaster-recovery commands of the runbooks, the very code the recovery drills
 * run. Against AWS (default credentials, {@code --region}) or an emulator ({@code --endpoint}).
 * <pre>
 *   bin/dr status        --table-prefix P
 *   bin/dr backup        --table-prefix P [--name N] [--fingerprints FILE]
 *   bin/dr restore       --table-prefix P --target-prefix Q (--before TIME | --point-in-time TIME)
 *   bin/dr restore-dr    --table-prefix P --target-prefix Q --vault V --role-arn ARN --region DR
 *   bin/dr verify        --table-prefix Q [--expect FILE]
 *   bin/dr repoint       --cluster C --service S --table-prefix Q [--codedeploy-app A --codedeploy-group G --codedeploy-input FILE]
 *   bin/dr await-healthy --url URL [--timeout PT15M]
 * </pre>
 * Exit status: 0 done, 1 the check or operation failed, 2 the command line is wrong.
 */
public final class RecoveryCli {

    /** How a command ended: its exit status, its result for callers in the same JVM (the drills), and what it printed. */
    public record Outcome(int exitCode, Object result, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private interface Handler {
        Object run(Options options, PrintWriter out) throws Exception;
    }

    private record Command(String summary, Set<String> required, Set<String> optional, Set<String> flags, Handler handler) {

        Set<String> allOptions() {
            Set<String> all = new LinkedHashSet<>(required);
            all.addAll(optional);
            all.addAll(flags);
            return all;
        }
    }

    /** A failed operation or check (exit 1) rather than a wrong command line (exit 2), with what it found. */
    static final class Failed extends RuntimeException {
        private final transient Object result;

        Failed(String message, Object result) {
            super(message);
            this.result = result;
        }
    }

    private static final Set<String> CONNECTION = set("--region", "--endpoint", "--tables");
    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("status", new Command("tables, their item counts, point-in-time recovery and newest backups",
                set("--table-prefix"), CONNECTION, set(), RecoveryCli::status));
        COMMANDS.put("backup", new Command("an on-demand backup of every table (CreateBackup)",
                set("--table-prefix"), union(CONNECTION, "--name", "--fingerprints"), set(), RecoveryCli::backup));
        COMMANDS.put("restore", new Command("restore every table into new tables: from the newest backup before --before, "
                + "or to --point-in-time (AWS only)", set("--table-prefix", "--target-prefix"),
                union(CONNECTION, "--before", "--point-in-time", "--timeout"), set(), RecoveryCli::restore));
        COMMANDS.put("restore-dr", new Command("restore every table in the disaster-recovery region from the newest "
                + "AWS Backup copy in its vault", set("--table-prefix", "--target-prefix", "--vault", "--role-arn"),
                union(CONNECTION, "--timeout"), set(), RecoveryCli::restoreDr));
        COMMANDS.put("verify", new Command("item count and checksum of every table; with --expect, compared with the source's",
                set("--table-prefix"), union(CONNECTION, "--expect"), set(), RecoveryCli::verify));
        COMMANDS.put("repoint", new Command("a new task definition revision with the table prefix, deployed to the ECS service",
                set("--cluster", "--service", "--table-prefix"), set("--region", "--endpoint", "--container", "--variable", "--codedeploy-app",
                "--codedeploy-group", "--codedeploy-input", "--timeout"), set(), RecoveryCli::repoint));
        COMMANDS.put("await-healthy", new Command("wait until the URL (the readiness probe) answers 200",
                set("--url"), set("--timeout"), set(), RecoveryCli::awaitHealthy));
    }

    private RecoveryCli() {
    }

    public static void main(String[] args) {
        Outcome outcome = execute(args);
        System.out.print(outcome.output());
        System.out.flush();
        System.exit(outcome.exitCode());
    }

    /** Runs one command in this JVM. */
    public static Outcome execute(String... args) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text, true);
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            out.println(args.length == 0 ? "no command given" : "unknown command: " + args[0]);
            usage(out);
            return new Outcome(2, null, text.toString());
        }
        Command command = COMMANDS.get(args[0]);
        Options options;
        try {
            options = Options.parse(Arrays.copyOfRange(args, 1, args.length), command);
        } catch (IllegalArgumentException e) {
            out.println("bin/dr " + args[0] + ": " + e.getMessage());
            usage(out);
            return new Outcome(2, null, text.toString());
        }
        try {
            Object result = command.handler().run(options, out);
            return new Outcome(0, result, text.toString());
        } catch (IllegalArgumentException e) {
            out.println("bin/dr " + args[0] + ": " + e.getMessage());
            return new Outcome(2, null, text.toString());
        } catch (Failed e) {
            out.println("bin/dr " + args[0] + " FAILED: " + e.getMessage());
            return new Outcome(1, e.result, text.toString());
        } catch (Exception e) {
            out.println("bin/dr " + args[0] + " FAILED: " + e.getMessage());
            return new Outcome(1, null, text.toString());
        }
    }

    /** Every command with the options it knows (for the check that runbooks name only commands that exist). */
    public static Map<String, Set<String>> commands() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        COMMANDS.forEach((name, command) -> all.put(name, command.allOptions()));
        return all;
    }

    private static void usage(PrintWriter out) {
        out.println("usage: bin/dr <command> [options]");
        COMMANDS.forEach((name, command) -> out.printf("  %-14s %s%n  %-14s   required %s, optional %s%n", name, command.summary(), "",
                command.required(), command.optional()));
    }

    // ---- the commands ------------------------------------------------------------------------

    private static Object status(Options o, PrintWriter out) {
        try (RecoveryDriver driver = o.driver()) {
            List<String> lines = new ArrayList<>();
            for (String table : o.tables()) {
                String name = o.get("--table-prefix") + table;
                TableDescription description = driver.dynamoDb().describeTable(r -> r.tableName(name)).table();
                StringBuilder line = new StringBuilder(name + ": " + description.tableStatusAsString() + ", about "
                        + description.itemCount() + " items");
                driver.pointInTimeRecovery().ifPresentOrElse(pitr -> {
                    PointInTimeRecovery.PitrStatus status = pitr.status(name);
                    line.append(", point-in-time recovery ").append(status.status());
                    if (status.enabled()) {
                        line.append(" (restorable ").append(status.earliest()).append(" .. ").append(status.latest()).append(')');
                    }
                }, () -> line.append(", point-in-time recovery not available on an emulator"));
                driver.latestBackupBefore(name, Instant.now().plusSeconds(1)).ifPresentOrElse(
                        b -> line.append(", newest backup ").append(b.createdAt()).append(' ').append(b.backupArn()),
                        () -> line.append(", no on-demand backup"));
                lines.add(line.toString());
                out.println(line);
            }
            return lines;
        }
    }

    private static Object backup(Options o, PrintWriter out) {
        try (RecoveryDriver driver = o.driver()) {
            String name = o.get("--name", "manual-" + Instant.now().toString().replace(':', '-').replace('.', '-'));
            String prefix = o.get("--table-prefix");
            if (o.has("--fingerprints")) {
                // read before the backups: exact only while nothing writes (maintenance mode, or a drill's held writers)
                Map<String, TableFingerprint> fingerprints = new LinkedHashMap<>();
                for (String table : o.tables()) {
                    fingerprints.put(table, TableFingerprint.of(driver.dynamoDb(), prefix + table));
                }
                TableVerification.write(Path.of(o.get("--fingerprints")), fingerprints);
                out.println("fingerprints written to " + o.get("--fingerprints"));
            }
            TableBackups.Result result = new TableBackups(driver, o.tables()).backUpAll(prefix, name);
            result.backups().forEach(b -> out.println(b.table() + ": " + b.status() + " " + b.createdAt() + " " + b.backupArn()));
            if (!result.failures().isEmpty()) {
                throw new Failed("backups failed: " + result.failures(), result);
            }
            return result;
        }
    }

    private static Object restore(Options o, PrintWriter out) {
        if (o.has("--before") == o.has("--point-in-time")) {
            throw new IllegalArgumentException("give exactly one of --before TIME and --point-in-time TIME");
        }
        String source = o.get("--table-prefix");
        String target = o.get("--target-prefix");
        if (source.equals(target)) {
            throw new IllegalArgumentException("--target-prefix must differ from --table-prefix: a restore goes into new tables");
        }
        Duration timeout = o.duration("--timeout", Duration.ofHours(1));
        try (RecoveryDriver driver = o.driver()) {
            TableRestore restore = new TableRestore(driver, o.tables());
            RestoreReport report;
            if (o.has("--point-in-time")) {
                if (o.has("--endpoint")) {
                    throw new IllegalArgumentException("--point-in-time needs AWS: an emulator's RestoreTableToPointInTime copies the "
                            + "current table, which is not a point-in-time recovery; use --before with a backup");
                }
                report = restore.toPointInTime(source, target, o.instant("--point-in-time"), timeout);
            } else {
                report = restore.fromLatestBackupsBefore(source, target, o.instant("--before"), timeout);
            }
            out.println(report.describe());
            out.println("next: bin/dr verify --table-prefix " + target + ", then bin/dr repoint ... --table-prefix " + target);
            return report;
        }
    }

    private static Object restoreDr(Options o, PrintWriter out) {
        Region region = o.region();
        AwsRecoveryDriver.Settings settings = new AwsRecoveryDriver.Settings(region, region, "", o.get("--vault"),
                o.get("--role-arn"), o.has("--endpoint") ? URI.create(o.get("--endpoint")) : null);
        try (AwsRecoveryDriver driver = AwsRecoveryDriver.connect(settings)) {
            RestoreReport report = new TableRestore(driver, o.tables()).fromDisasterRecoveryCopies(o.get("--table-prefix"),
                    o.get("--target-prefix"), o.duration("--timeout", Duration.ofHours(2)));
            out.println(report.describe());
            return report;
        }
    }

    private static Object verify(Options o, PrintWriter out) {
        try (RecoveryDriver driver = o.driver()) {
            Map<String, TableVerification.Expected> expected = o.has("--expect") ? TableVerification.read(Path.of(o.get("--expect")))
                    : Map.of();
            TableVerification.Report report = new TableVerification(driver, o.tables()).verify(o.get("--table-prefix"), expected);
            out.println(report.describe());
            if (!report.matches()) {
                throw new Failed("the restored tables differ from their source at backup time", report);
            }
            return report;
        }
    }

    private static Object repoint(Options o, PrintWriter out) {
        EcsClientBuilder builder = EcsClient.builder().region(o.region()).httpClientBuilder(UrlConnectionHttpClient.builder());
        if (o.has("--endpoint")) {
            builder.endpointOverride(URI.create(o.get("--endpoint")))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        try (EcsClient ecs = builder.build()) {
            EcsRepoint.Result result = new EcsRepoint(ecs, o.has("--endpoint") ? Duration.ofMillis(100) : Duration.ofSeconds(10))
                    .repoint(new EcsRepoint.Request(o.get("--cluster"), o.get("--service"), o.get("--container", "chatbot"),
                            o.get("--variable", "DYNAMODB_TABLE_PREFIX"), o.get("--table-prefix"), o.get("--codedeploy-app", null),
                            o.get("--codedeploy-group", null), o.has("--codedeploy-input") ? Path.of(o.get("--codedeploy-input")) : null,
                            o.duration("--timeout", Duration.ofMinutes(30))));
            out.println("registered " + result.newTaskDefinition() + " (was " + result.previousTaskDefinition() + "), controller "
                    + result.controller());
            out.println(result.deployed() ? "service stable on the new revision" : "next: " + result.nextStep());
            return result;
        }
    }

    private static Object awaitHealthy(Options o, PrintWriter out) {
        Instant started = Instant.now();
        Instant healthy = ReadinessProbe.awaitHealthy(o.get("--url"), o.duration("--timeout", Duration.ofMinutes(15)), Duration.ofMillis(100));
        out.printf("%s answered 200 after %.1f s%n", o.get("--url"), Duration.between(started, healthy).toMillis() / 1000.0);
        return healthy;
    }

    // ---- options ---------------------------------------------------------------------------

    private static Set<String> set(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new LinkedHashSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private record Options(Map<String, String> values) {

        static Options parse(String[] args, Command command) {
            Map<String, String> values = new LinkedHashMap<>();
            Set<String> known = command.allOptions();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("unknown option " + name + " (known: " + known + ")");
                }
                if (command.flags().contains(name)) {
                    values.put(name, "true");
                } else if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                } else {
                    values.put(name, args[++i]);
                }
            }
            for (String required : command.required()) {
                if (!values.containsKey(required)) {
                    throw new IllegalArgumentException(required + " is required");
                }
            }
            return new Options(values);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        String get(String name) {
            return values.get(name);
        }

        String get(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        Instant instant(String name) {
            String value = get(name);
            try {
                return value.equals("now") ? Instant.now() : Instant.parse(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + " takes an ISO-8601 instant such as 2026-11-24T18:00:00Z, or now: " + value);
            }
        }

        Duration duration(String name, Duration fallback) {
            if (!has(name)) {
                return fallback;
            }
            try {
                return Duration.parse(get(name));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + " takes an ISO-8601 duration such as PT15M: " + get(name));
            }
        }

        Region region() {
            String region = get("--region", System.getenv().getOrDefault("AWS_REGION", LocalAws.REGION));
            return Region.of(region);
        }

        List<String> tables() {
            if (has("--tables")) {
                return List.of(get("--tables").split(","));
            }
            return TableDefinitions.read(Targets.projectRoot().resolve("service/src/main/resources/dynamodb/tables.json"))
                    .tables().stream().map(TableDefinitions.Table::name).toList();
        }

        /** An emulator's DynamoDB when --endpoint is given (the local driver), else AWS in --region (the staging driver). */
        RecoveryDriver driver() {
            if (has("--endpoint")) {
                return LocalRecoveryDriver.owning(emulator(URI.create(get("--endpoint")), region()));
            }
            return AwsRecoveryDriver.connect(new AwsRecoveryDriver.Settings(region(), region(), "", "", "", null));
        }

        private static DynamoDbClient emulator(URI endpoint, Region region) {
            return DynamoDbClient.builder().endpointOverride(endpoint).region(region)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalAws.ACCESS_KEY,
                            LocalAws.SECRET_KEY)))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        }
    }
}

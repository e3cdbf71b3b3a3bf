package org.faithbot.verification.recovery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line of bin/dr: what it refuses before touching anything. */
class RecoveryCliTest {

    @Test
    void listsItsCommandsWithTheirOptions() {
        assertThat(RecoveryCli.commands()).containsKeys("status", "backup", "restore", "restore-dr", "verify", "repoint", "await-healthy");
        assertThat(RecoveryCli.commands().get("restore")).contains("--table-prefix", "--target-prefix", "--before", "--point-in-time", "--endpoint");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertThat(RecoveryCli.execute("rollback").exitCode()).isEqualTo(2);
        RecoveryCli.Outcome outcome = RecoveryCli.execute("verify", "--table-prefix", "x-", "--force");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.output()).contains("unknown option --force");
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        RecoveryCli.Outcome outcome = RecoveryCli.execute("restore", "--table-prefix", "chatbot-staging-", "--before", "now");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.output()).contains("--target-prefix is required");
    }

    @Test
    void neverRestoresOverTheLiveTables() {
        RecoveryCli.Outcome outcome = RecoveryCli.execute("restore", "--table-prefix", "p-", "--target-prefix", "p-", "--before", "now",
                "--endpoint", "http://127.0.0.1:9");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.output()).contains("must differ");
    }

    @Test
    void refusesToCallAnEmulatorsCopyOfTheCurrentTableAPointInTimeRecovery() {
        RecoveryCli.Outcome outcome = RecoveryCli.execute("restore", "--table-prefix", "p-", "--target-prefix", "q-",
                "--point-in-time", "2026-11-24T18:00:00Z", "--endpoint", "http://127.0.0.1:9");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.output()).contains("not a point-in-time recovery");
    }

    @Test
    void wantsExactlyOneRecoveryPoint() {
        RecoveryCli.Outcome outcome = RecoveryCli.execute("restore", "--table-prefix", "p-", "--target-prefix", "q-", "--endpoint", "http://127.0.0.1:9");
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.output()).contains("exactly one of --before TIME and --point-in-time TIME");
    }
}

package io.modelgate.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyCommandTest {

    @TempDir
    Path dir;

    @Test
    void initWritesTheCommentedDefaultPolicyWhichChecksValid() throws Exception {
        Path file = dir.resolve("ci/policy.yaml");
        CliRun init = CliRun.of("policy", "init", file.toString());
        assertThat(init.exitCode()).isEqualTo(ExitCodes.OK);
        String text = Files.readString(file);
        assertThat(text).contains("version: 1", "failOn: high", "# ");
        for (String key : new String[]{"gate:", "licenses:", "origin:", "signature:", "lock:", "formats:", "pickle:",
                "approvedModels:", "waivers:", "expiryWarningDays:", "requireCommercialUse:", "onMissing:",
                "requireDeclaredBase:", "publicKeys:", "certificates:", "identities:", "keyrings:", "trustRoot:",
                "maxFileSize:", "reviewOn:", "allowIncomplete:", "strict:"}) {
            assertThat(text).as(key).contains(key);
        }
        CliRun check = CliRun.of("policy", "check", file.toString());
        assertThat(check.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(check.out()).contains("valid (policy 'default'");
    }

    @Test
    void initRefusesToOverwriteAndKnowsTheProfiles() throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "mine");
        assertThat(CliRun.of("policy", "init", file.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(CliRun.of("policy", "init", "--force", "--profile", "strict", file.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(file)).contains("name: strict");
        CliRun stdout = CliRun.of("policy", "init", "--profile", "origin-review", "-");
        assertThat(stdout.out()).contains("name: origin-review", "CN");
        assertThat(CliRun.of("policy", "init", "--profile", "lenient", "-").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void checkPrintsLocatedErrorsAndExits64() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                version: 1
                gate:
                  failon: high
                licenses:
                  deny: [CC-BY-NC-4.0, Apache2]
                waivers:
                  - rule: MG-PKL-002
                    expires: 2027-13-01
                """);
        CliRun run = CliRun.of("policy", "check", file.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(file + ":3:3: unknown key 'failon'")
                .contains(file + ":5:24: 'licenses.deny': unknown SPDX license id 'Apache2'")
                .contains(file + ":8:14: 'waivers[0].expires' must be a date")
                .contains("'reason' is required in 'waivers[0]'")
                .contains("'owner' is required in 'waivers[0]'")
                .contains(file + ": 5 error(s)")
                .doesNotContain("Exception");
    }

    @Test
    void checkOfAMissingFileIsAUsageError() {
        CliRun run = CliRun.of("policy", "check", dir.resolve("none.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void badOptionsExit64() {
        assertThat(CliRun.of("policy", "check").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("policy", "frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}

package io.modelgate.fleet;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Usage errors stop before Spark starts, with exit code 64 as every modelgate command. */
class FleetMainTest {

    private static int run(StringWriter err, String... args) {
        CommandLine cli = FleetMain.commandLine();
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void missingOutputIsAUsageError() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "--inventory", "/srv/models")).isEqualTo(64);
        assertThat(err.toString()).contains("--out");
    }

    @Test
    void unknownProfileIsAUsageError() {
        StringWriter err = new StringWriter();

        assertThat(run(err, "--inventory", "/srv/models", "--out", "/tmp/x", "--profile", "lenient")).isEqualTo(64);
        assertThat(err.toString()).contains("unknown profile 'lenient'");
    }
}

package io.modelgate.fleet;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.rules.policy.load.PolicyLoader;
import io.modelgate.rules.policy.load.PolicySelection;
import io.modelgate.scanner.ToolInfo;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code modelgate fleet}: the Spark application. The same main runs under {@code spark-submit} on a cluster
 * (no {@code --master}: the cluster's is used) and from the launcher in local mode ({@code --master local[N]}).
 */
@Command(name = "fleet", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = FleetMain.Version.class,
        description = {"Scan a whole model registry on Apache Spark, incrementally: one Parquet row and one "
                + "CycloneDX BOM per model unit, and an org-level summary (summary.json, summary.html).",
                "Units whose content, ModelGate version and policy are unchanged are reused from the cache."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run finished (decisions are in the outputs)", "2:the job failed",
                "64:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {"  modelgate fleet --master local[2] --inventory /srv/models --out /srv/fleet-report",
                "  spark-submit --class io.modelgate.fleet.FleetMain modelgate-fleet-job.jar \\",
                "      --inventory s3a://ml-models/ --out s3a://ml-reports/fleet"})
public final class FleetMain implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2]; omit under spark-submit, which sets it.")
    String master;

    @Option(names = "--inventory", paramLabel = "URI", required = true, split = ",",
            description = "Root(s) of the model registry: a local path or a URI (hdfs://, s3a://, abfs://, gs://); "
                    + "repeatable or comma-separated.")
    List<String> roots;

    @Option(names = "--out", paramLabel = "URI", required = true,
            description = "Output folder: units/ (Parquet), boms/, summary.json, summary.html, cache/.")
    String out;

    @Option(names = "--cache", paramLabel = "URI", description = "Result cache folder (default: OUT/cache).")
    String cache;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy file deciding every unit (docs/policy.md).")
    Path policyFile;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Built-in policy profile instead: default, strict, origin-review (default: default).")
    String profile;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
            description = "Partitions the units are packed into by size (default: three per core).")
    int partitions;

    @Option(names = "--threads-per-unit", paramLabel = "N", defaultValue = "1",
            description = "Files of one unit analysed in parallel (default: ${DEFAULT-VALUE}; Spark runs one task "
                    + "per core).")
    int threadsPerUnit;

    @Option(names = "--unit-timeout", paramLabel = "DURATION", defaultValue = "30m",
            converter = Quantities.Durations.class,
            description = "Time one unit may take; then it is incomplete (default: ${DEFAULT-VALUE}).")
    Duration unitTimeout;

    @Option(names = "--max-unit-size", paramLabel = "SIZE", defaultValue = "1T", converter = Quantities.Sizes.class,
            description = "Largest unit hashed, copied or scanned; a larger one is incomplete (default: "
                    + "${DEFAULT-VALUE}).")
    long maxUnitBytes;

    @Option(names = "--stage-dir", paramLabel = "DIR",
            description = "Local folder on each executor for copies of units on non-local file systems "
                    + "(default: the temporary folder).")
    String stageDir;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new FleetMain()).setExitCodeExceptionMapper(e -> 2)
                .setExecutionExceptionHandler((e, cli, parsed) -> {
                    // one line, as every modelgate command: the job failed (units never fail it)
                    String message = e.getMessage() == null ? "internal error" : e.getMessage();
                    cli.getErr().println("modelgate fleet: the job failed: " + message.lines().findFirst()
                            .orElse("internal error"));
                    cli.getErr().flush();
                    return 2;
                })
                .setParameterExceptionHandler((e, a) -> {
                    e.getCommandLine().getErr().println("modelgate fleet: " + e.getMessage());
                    e.getCommandLine().getErr().println("Try 'modelgate fleet --help'.");
                    return 64;
                });
    }

    @Override
    public Integer call() throws Exception {
        FleetSettings settings = settings();
        PrintWriter err = spec.commandLine().getErr();
        SparkSession.Builder builder = SparkSession.builder().appName("ModelGate fleet");
        if (master != null) {
            builder.master(master);
        }
        SparkSession spark = builder.getOrCreate();
        try {
            FleetJob.Result result = FleetJob.run(spark, settings);
            FleetSummary s = result.summary();
            err.println("modelgate fleet: " + s.models() + " units: " + s.decisions().get("APPROVE") + " approve, "
                    + s.decisions().get("REVIEW") + " review, " + s.decisions().get("REJECT") + " reject; "
                    + s.incomplete() + " incomplete; " + s.reused() + " reused. Summary: " + out + "/summary.html");
            err.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }

    private FleetSettings settings() {
        if (threadsPerUnit < 1 || threadsPerUnit > 256) {
            throw new ParameterException(spec.commandLine(), "--threads-per-unit must be between 1 and 256");
        }
        if (partitions < 0) {
            throw new ParameterException(spec.commandLine(), "--partitions must not be negative");
        }
        PolicySource policy;
        try {
            policy = PolicySource.of(PolicySelection.select(policyFile, profile,
                    new PolicyLoader(KnowledgeBaseLoader.builtIn())));
        } catch (PolicySelection.UsageError e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return new FleetSettings(roots, out, cache, policy, partitions, threadsPerUnit, unitTimeout, maxUnitBytes,
                stageDir);
    }

    /** The version line, as {@code modelgate --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"modelgate fleet " + ToolInfo.version()};
        }
    }
}

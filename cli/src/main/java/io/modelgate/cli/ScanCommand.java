package io.modelgate.cli;

import io.modelgate.assessment.ScanAssessment;
import io.modelgate.cli.progress.ProgressOptions;
import io.modelgate.cli.report.DecisionText;
import io.modelgate.cli.report.ReportFiles;
import io.modelgate.cli.report.ReportFormat;
import io.modelgate.cli.report.ReportTarget;
import io.modelgate.cli.report.ReportTargets;
import io.modelgate.cli.report.ReportWriter;
import io.modelgate.cli.report.ReportWriters;
import io.modelgate.rules.policy.Decision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code modelgate scan}: analyse files, folders and archives and decide on them by policy. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Scan model files, folders and archives for hidden code and other dangers, without loading them.",
                "",
                "Formats are recognised by content, not by extension. Folders are walked recursively "
                        + "(.git is skipped; links are reported and never followed out of the folder). "
                        + "Archives are opened recursively up to --max-depth."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:APPROVE",
                "1:REJECT: findings at or above the policy's failOn (--fail-on), or a policy rule",
                "2:a file or check could not be fully analysed (see --allow-incomplete), nothing to assess, "
                        + "or the scan failed",
                "3:REVIEW (see --review-exit-code)",
                "64:usage error: bad option, missing file, invalid policy file"},
        footerHeading = "%nExamples:%n",
        footer = {
                "  modelgate scan ./my-model",
                "  modelgate scan --format json --output report.json model.pt",
                "  modelgate scan --policy ci/policy.yaml ./my-model",
                "  modelgate scan --profile strict --review-exit-code 0 checkpoints/",
                "  modelgate scan --fail-on medium --strict checkpoints/"})
public final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders or archives to scan.")
    List<Path> paths;

    /** As picocli reads it, also given by {@link QuickScanParser}. */
    static final String DEFAULT_FORMAT = "text";

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = DEFAULT_FORMAT,
            description = "Report format on standard output (or --output): ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output (the decision line still goes to "
                    + "standard error).")
    Path output;

    @Option(names = "--report", paramLabel = "FORMAT=FILE", converter = ReportTargets.class,
            description = "Also write a report in FORMAT to FILE; repeatable. Formats: text, json, sarif, html, "
                    + "markdown, junit, cyclonedx, cyclonedx-xml, spdx.")
    List<ReportTarget> reports = new ArrayList<>();

    @Mixin
    ScanRun run;

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() throws IOException {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /**
     * Runs the scan with the options set, however the command line was read ({@link QuickScanParser} or picocli);
     * a bad value is a {@link UsageException}.
     */
    int execute(PrintWriter out, PrintWriter err) throws IOException {
        try {
            ReportTargets.checkDistinct(reports);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        ScanRun.Result result = run.run(paths, progress, err);
        write(result.assessment(), result.decision(), out, err);
        new ReportFiles(Clock.systemUTC()).writeAll(reports, result.assessment(), result.decision());
        return run.exitCode(result.decision());
    }

    private void write(ScanAssessment assessment, Decision decision, PrintWriter out, PrintWriter err)
            throws IOException {
        ReportWriter writer = ReportWriters.forFormat(format);
        if (output == null && progress.quiet() && format == ReportFormat.text) {
            err.println(DecisionText.line(decision));
            err.flush();
            return;
        }
        if (output == null) {
            writer.write(assessment, decision, out);
            out.flush();
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer file = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            writer.write(assessment, decision, file);
        }
        err.println(DecisionText.line(decision) + " (report written to " + output + ")");
        err.flush();
    }
}

package io.modelgate.cli;

import io.modelgate.verification.VerificationChecks;
import io.modelgate.cli.report.ReportFormat;
import io.modelgate.assessment.AssessmentBuilder;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.cli.report.ReportWriter;
import io.modelgate.cli.report.ReportWriters;
import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.rules.policy.Decision;
import io.modelgate.rules.policy.Policy;
import io.modelgate.rules.policy.PolicyEngine;
import io.modelgate.cli.report.DecisionText;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.model.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    Path output;

    @Mixin
    PolicyOptions policyOptions;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "8",
            description = "Deepest archive nesting opened (default: ${DEFAULT-VALUE}).")
    int maxDepth;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Time limit per file, e.g. 90s, 10m (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "256G", converter = SizeConverter.class,
            description = "Largest file analysed, e.g. 500M, 64G (default: ${DEFAULT-VALUE}); larger files are "
                    + "reported incomplete.")
    long maxFileSize;

    @Option(names = "--max-temp-size", paramLabel = "SIZE", defaultValue = "8G", converter = SizeConverter.class,
            description = "Temporary disk the whole scan may use for expanded archive entries (default: "
                    + "${DEFAULT-VALUE}, never more than half the free space); an entry that needs more is reported "
                    + "incomplete.")
    long maxTempSize;

    @Option(names = "--threads", paramLabel = "N",
            description = "Files analysed in parallel (default: number of processors).")
    Integer threads;

    @Mixin
    VerificationMixin verification;

    @Option(names = "--kb", paramLabel = "FILE",
            description = "Knowledge-base file (YAML) with families and licenses to add to or override the built-in "
                    + "ones; may be repeated (see `modelgate families`).")
    List<Path> kbFiles = List.of();

    @Override
    public Integer call() throws IOException {
        if (maxDepth < 0 || maxDepth > 64) {
            throw new ParameterException(spec.commandLine(), "--max-depth must be between 0 and 64");
        }
        if (threads != null && (threads < 1 || threads > 256)) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 256");
        }
        for (Path path : paths) {
            if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new ParameterException(spec.commandLine(), "no such file or folder: " + path);
            }
        }
        KnowledgeBase kb = KnowledgeBases.load(spec, kbFiles);
        Policy policy = policyOptions.policy(spec, kb);
        Limits limits = Limits.defaults().withMaxDepth(maxDepth).withTimeout(timeout).withMaxFileBytes(maxFileSize)
                .withMaxTempBytes(maxTempSize);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ScanReport scanned = VerificationChecks.scanner(limits, workers, Clock.systemUTC(),
                verification.options(spec, policy)).scan(paths);
        ScanAssessment assessment = new AssessmentBuilder(kb).build(scanned);
        Decision decision = new PolicyEngine().decide(assessment, PolicyOptions.withVerification(policy, verification),
                Clock.systemUTC());
        write(assessment, decision);
        return DecisionExit.code(decision, policyOptions.reviewExitCode());
    }

    private void write(ScanAssessment assessment, Decision decision) throws IOException {
        ReportWriter writer = ReportWriters.forFormat(format);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            writer.write(assessment, decision, out);
            out.flush();
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            writer.write(assessment, decision, out);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(DecisionText.line(decision) + " (report written to " + output + ")");
        err.flush();
    }
}

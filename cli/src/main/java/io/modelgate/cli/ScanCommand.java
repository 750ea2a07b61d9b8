package io.modelgate.cli;

import io.modelgate.verification.VerificationChecks;
import io.modelgate.cli.report.ReportFormat;
import io.modelgate.assessment.AssessmentBuilder;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.cli.report.ReportWriter;
import io.modelgate.cli.report.ReportWriters;
import io.modelgate.rules.gate.GateEvaluator;
import io.modelgate.rules.gate.GatePolicy;
import io.modelgate.rules.gate.GateResult;
import io.modelgate.provenance.kb.KnowledgeBase;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.scanner.model.Severity;
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

/** {@code modelgate scan}: analyse files, folders and archives and gate on the result. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Scan model files, folders and archives for hidden code and other dangers, without loading them.",
                "",
                "Formats are recognised by content, not by extension. Folders are walked recursively "
                        + "(.git is skipped; links are reported and never followed out of the folder). "
                        + "Archives are opened recursively up to --max-depth."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:nothing at or above --fail-on, and every model file fully analysed",
                "1:findings at or above --fail-on (or, with --strict, unreviewed imports)",
                "2:usage error, or a file that could not be fully analysed (see --allow-incomplete)"},
        footerHeading = "%nExamples:%n",
        footer = {
                "  modelgate scan ./my-model",
                "  modelgate scan --format json --output report.json model.pt",
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

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
            converter = SeverityConverter.class,
            description = "Fail (exit 1) on findings at or above this severity: critical, high, medium, low, info "
                    + "(default: ${DEFAULT-VALUE}).")
    Severity failOn;

    @Option(names = "--strict",
            description = "Also fail on unreviewed constructs (imports on neither the allow- nor the denylist).")
    boolean strict;

    @Option(names = "--allow-incomplete",
            description = "Do not fail on files that could not be fully analysed (they are still reported).")
    boolean allowIncomplete;

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
        Limits limits = Limits.defaults().withMaxDepth(maxDepth).withTimeout(timeout).withMaxFileBytes(maxFileSize);
        int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ScanReport scanned = VerificationChecks.scanner(limits, workers, Clock.systemUTC(), verification.options(spec))
                .scan(paths);
        ScanAssessment assessment = new AssessmentBuilder(kb).build(scanned);
        GateResult gate = new GateEvaluator().evaluate(assessment, new GatePolicy(failOn, strict, allowIncomplete));
        write(assessment, gate);
        return GateExit.code(gate);
    }

    private void write(ScanAssessment assessment, GateResult gate) throws IOException {
        ReportWriter writer = ReportWriters.forFormat(format);
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            writer.write(assessment, gate, out);
            out.flush();
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            writer.write(assessment, gate, out);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(ReportWriters.gateLine(gate) + " (report written to " + output + ")");
        err.flush();
    }
}

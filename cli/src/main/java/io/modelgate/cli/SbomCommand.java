package io.modelgate.cli;

import io.modelgate.cli.progress.ProgressOptions;
import io.modelgate.cli.report.DecisionText;
import io.modelgate.cli.report.ReportFiles;
import io.modelgate.cli.report.ReportTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code modelgate sbom}: an AI-SBOM of the scanned models, filled with what the scan verified. */
@Command(name = "sbom", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = SbomDiffCommand.class,
        description = {"Scan models and write an AI-SBOM: CycloneDX 1.6 (JSON or XML) or SPDX 3.0.1 (JSON-LD, AI "
                + "profile), with digests, identity, license, signature, lock status, findings and the decision.",
                "Takes the scan's options (policy, verification material, limits). See docs/sbom.md."},
        exitCodeListHeading = "%nExit codes (those of scan, from the decision):%n",
        exitCodeList = {"0:APPROVE", "1:REJECT", "2:incomplete analysis or nothing to assess", "3:REVIEW",
                "64:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {"  modelgate sbom ./my-model -o bom.json",
                "  modelgate sbom --format spdx ./my-model -o bom.spdx.json",
                "  modelgate sbom diff old-bom.json new-bom.json"})
public final class SbomCommand implements Callable<Integer> {

    private static final Set<String> FORMATS = Set.of("cyclonedx", "cyclonedx-xml", "spdx");

    @Spec
    CommandSpec spec;

    // 0..*: a required parent parameter would make `sbom diff` fail to parse; checked in call()
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files, folders or archives to scan.")
    List<Path> paths = List.of();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "cyclonedx",
            description = "cyclonedx (JSON, default), cyclonedx-xml or spdx.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the BOM to FILE instead of standard output.")
    Path output;

    @Mixin
    ScanRun run;

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() throws IOException {
        if (paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'PATH'");
        }
        if (!FORMATS.contains(format)) {
            throw new ParameterException(spec.commandLine(), "--format must be cyclonedx, cyclonedx-xml or spdx");
        }
        ScanRun.Result result = run.run(paths, progress, spec.commandLine().getErr());
        ReportFiles files = new ReportFiles(Clock.systemUTC());
        PrintWriter err = spec.commandLine().getErr();
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(files.render(format, result.assessment(), result.decision()));
            out.flush();
        } else {
            files.writeAll(List.of(new ReportTarget(format, output)), result.assessment(), result.decision());
            err.println(DecisionText.line(result.decision()) + " (BOM written to " + output + ")");
        }
        err.flush();
        return run.exitCode(result.decision());
    }
}

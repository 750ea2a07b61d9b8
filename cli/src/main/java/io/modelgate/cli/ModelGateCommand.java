package io.modelgate.cli;

import io.modelgate.scanner.ToolInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top-level {@code modelgate} command. */
@Command(name = "modelgate",
        mixinStandardHelpOptions = true,
        versionProvider = ModelGateCommand.Version.class,
        description = "Model supply-chain compliance scanner: finds code hidden in model files, checks "
                + "integrity, provenance and license, and gates CI builds.",
        subcommands = {ScanCommand.class, SbomCommand.class, LockCommand.class, SignCommand.class, BenchCommand.class, RulesCommand.class,
                FamiliesCommand.class, PolicyCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:APPROVE: the policy approves the scanned models",
                "1:REJECT: findings or policy rules reject",
                "2:a file could not be fully analysed, nothing to assess, or the scan failed",
                "3:REVIEW: a person must review (see scan --review-exit-code)",
                "64:usage error: bad option, missing file, bad policy file"})
public final class ModelGateCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the scanner's build metadata. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{ToolInfo.NAME + " " + ToolInfo.version()};
        }
    }
}

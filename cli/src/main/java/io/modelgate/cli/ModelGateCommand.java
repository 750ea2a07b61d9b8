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
        subcommands = {ScanCommand.class, LockCommand.class, SignCommand.class, BenchCommand.class, RulesCommand.class,
                FamiliesCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:nothing at or above the fail threshold",
                "1:findings at or above the fail threshold",
                "2:usage error, or a file that could not be fully analysed"})
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

package io.modelgate.cli;

import io.modelgate.scanner.ToolInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

import java.util.LinkedHashMap;
import java.util.Map;

/** The top-level {@code modelgate} command. */
@Command(name = "modelgate",
        mixinStandardHelpOptions = true,
        versionProvider = ModelGateCommand.Version.class,
        description = "Model supply-chain compliance scanner: finds code hidden in model files, checks "
                + "integrity, provenance and license, and gates CI builds.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:APPROVE: the policy approves the scanned models",
                "1:REJECT: findings or policy rules reject",
                "2:a file could not be fully analysed, nothing to assess, or the scan failed",
                "3:REVIEW: a person must review (see scan --review-exit-code)",
                "64:usage error: bad option, missing file, bad policy file"})
public final class ModelGateCommand implements Runnable {

    /**
     * The subcommands by name, in the order help lists them. Added by {@link CliFactory} rather than by the
     * annotation, so a call that names one builds only that one (picocli reflects over every command it is given).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("scan", ScanCommand.class);
        all.put("sbom", SbomCommand.class);
        all.put("lock", LockCommand.class);
        all.put("sign", SignCommand.class);
        all.put("bench", BenchCommand.class);
        all.put("rules", RulesCommand.class);
        all.put("families", FamiliesCommand.class);
        all.put("policy", PolicyCommand.class);
        return java.util.Collections.unmodifiableMap(all);
    }

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

package io.modelgate.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** Entry point of the {@code modelgate} command. */
public final class ModelGateMain {

    /** Commands that assess models and so need the built-in knowledge base. */
    private static final Set<String> ASSESSING = Set.of("scan", "sbom");

    private ModelGateMain() {
    }

    public static void main(String[] args) {
        Optional<ScanCommand> quickScan = QuickScanParser.parse(args);
        boolean hashing = quickScan.isPresent() && EarlyDigests.start(quickScan.get());
        if (!hashing && args.length > 0 && ASSESSING.contains(args[0])) {
            // Overlap the knowledge base and the scanner's class initialisation with the rest of start-up
            // (reading the command line, loading the policy, walking the files). Not while a large file is being
            // hashed: the scan waits for that digest anyway, and on a small machine a third busy thread only slows
            // the hashing down.
            StartupPreload.start(Arrays.stream(args).noneMatch(arg -> arg.startsWith("--kb")));
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = CliFactory.execute(out, err, quickScan, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}

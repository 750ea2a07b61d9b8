package io.modelgate.cli;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.rules.policy.load.PolicyException;
import io.modelgate.rules.policy.load.PolicyLoader;
import io.modelgate.sbom.diff.BomDiff;
import io.modelgate.sbom.diff.Drift;
import io.modelgate.sbom.diff.DriftReport;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code modelgate sbom diff OLD NEW}: what changed between two AI-SBOMs of the same model(s). */
@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two CycloneDX AI-SBOMs written by ModelGate: files changed, added and removed by "
                + "hash; license, identity, signature, lock and decision changes; new and resolved findings."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no drift", "1:drift (in the selected categories)", "2:a BOM could not be read",
                "64:usage error"})
public final class SbomDiffCommand implements Callable<Integer> {

    static final int NO_DRIFT = 0;
    static final int DRIFT = 1;
    static final int UNREADABLE = 2;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier BOM (CycloneDX JSON or XML).")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later BOM.")
    Path after;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json.")
    String format;

    @Option(names = "--only", paramLabel = "CATEGORY", split = ",",
            description = "Only drift in these categories fails (the others are still listed): files, license, "
                    + "identity, signature, decision, findings.")
    List<String> only = List.of();

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Only drift this policy rules on fails: files, decision and findings always; license, "
                    + "identity (origin) and signature drift when the policy has rules for them.")
    Path policy;

    @Override
    public Integer call() {
        Set<String> categories = new LinkedHashSet<>();
        for (String category : only) {
            String c = category.trim().toLowerCase(Locale.ROOT);
            if (!DriftReport.CATEGORIES.contains(c)) {
                throw new ParameterException(spec.commandLine(), "unknown drift category '" + category
                        + "' (one of " + String.join(", ", DriftReport.CATEGORIES.stream().sorted().toList()) + ")");
            }
            categories.add(c);
        }
        if (policy != null) {
            categories.addAll(policyCategories());
        }
        if (!format.equals("text") && !format.equals("json")) {
            throw new ParameterException(spec.commandLine(), "--format must be text or json");
        }
        Bom old;
        Bom now;
        try {
            old = read(before);
            now = read(after);
        } catch (IOException | ParseException e) {
            spec.commandLine().getErr().println("modelgate: cannot read the BOM: " + e.getMessage());
            return UNREADABLE;
        }
        List<Drift> drifts = BomDiff.compare(old, now);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("json") ? DriftReport.json(drifts) : DriftReport.text(drifts));
        out.flush();
        return DriftReport.relevant(drifts, categories).isEmpty() ? NO_DRIFT : DRIFT;
    }

    private Set<String> policyCategories() {
        try {
            return DriftCategories.of(new PolicyLoader(KnowledgeBaseLoader.builtIn()).load(policy));
        } catch (PolicyException e) {
            throw new ParameterException(spec.commandLine(), "invalid policy file " + policy + ": "
                    + e.errors().stream().map(err -> err.format(policy.toString())).findFirst().orElse(""));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read policy file " + policy);
        }
    }

    private static Bom read(Path file) throws IOException, ParseException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file");
        }
        byte[] bytes = Files.readAllBytes(file);
        String head = new String(bytes, 0, Math.min(bytes.length, 64), java.nio.charset.StandardCharsets.UTF_8)
                .stripLeading();
        return head.startsWith("<") ? new XmlParser().parse(bytes) : new JsonParser().parse(bytes);
    }
}

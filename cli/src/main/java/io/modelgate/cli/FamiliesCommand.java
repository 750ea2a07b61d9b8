package io.modelgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.cli.report.JsonArrays;
import io.modelgate.provenance.kb.FamilyDef;
import io.modelgate.provenance.kb.GenerationDef;
import io.modelgate.provenance.kb.KnowledgeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code modelgate families}: the model families of the knowledge base, with publisher, country and license. */
@Command(name = "families", mixinStandardHelpOptions = true,
        description = {"List the model families ModelGate recognises: id, publisher, country, default license "
                + "and generations, from the knowledge base (built in, plus --kb files)."},
        footerHeading = "%nExamples:%n",
        footer = {"  modelgate families", "  modelgate families --format json --kb my-families.yaml"})
public final class FamiliesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RulesCommand.OutputFormat format;

    @Option(names = "--kb", paramLabel = "FILE",
            description = "Knowledge-base file (YAML) to merge over the built-in one; may be repeated.")
    List<Path> kbFiles = List.of();

    @Override
    public Integer call() throws Exception {
        KnowledgeBase kb = KnowledgeBases.load(kbFiles);
        PrintWriter out = spec.commandLine().getOut();
        if (format == RulesCommand.OutputFormat.json) {
            out.println(json(kb));
        } else {
            out.printf("Knowledge base %s%n%n", kb.version());
            out.printf("%-11s %-14s %-3s %-32s %s%n", "ID", "NAME", "CC", "DEFAULT LICENSE", "PUBLISHER");
            for (FamilyDef f : kb.families()) {
                out.printf("%-11s %-14s %-3s %-32s %s%n", f.id(), f.name(), f.country(), f.license(), f.publisher());
                if (!f.generations().isEmpty()) {
                    out.println("            generations: " + f.generations().stream().map(GenerationDef::id)
                            .collect(Collectors.joining(", ")));
                }
            }
            out.printf("%n%d families, %d licenses%n", kb.families().size(), kb.licenses().size());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String json(KnowledgeBase kb) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("kbVersion", kb.version());
        ArrayNode families = root.putArray("families");
        for (FamilyDef f : kb.families()) {
            ObjectNode node = families.addObject();
            node.put("id", f.id());
            node.put("name", f.name());
            node.put("publisher", f.publisher());
            node.put("country", f.country());
            node.put("license", f.license());
            JsonArrays.putStrings(node, "licenses", f.licenses());
            JsonArrays.putStrings(node, "orgs", f.orgs());
            ArrayNode generations = node.putArray("generations");
            for (GenerationDef g : f.generations()) {
                ObjectNode gen = generations.addObject();
                gen.put("id", g.id());
                gen.put("license", g.license());
            }
            node.put("signals", f.signals().size());
        }
        return mapper.writeValueAsString(root);
    }
}

package io.modelgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.cli.report.TextWrap;
import io.modelgate.assessment.RulePack;
import io.modelgate.scanner.model.Rule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** Lists every rule with its severity and explanation. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule ID with its default severity, category and explanation.")
public final class RulesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    enum OutputFormat { text, json }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode rules = mapper.createArrayNode();
            for (Rule rule : RulePack.all()) {
                ObjectNode node = rules.addObject();
                node.put("id", rule.id());
                node.put("severity", rule.severity().id());
                node.put("category", rule.category());
                node.put("title", rule.title());
                node.put("help", rule.help());
            }
            out.println(mapper.writeValueAsString(rules));
        } else {
            for (Rule rule : RulePack.all()) {
                out.printf("%-12s %-8s %-12s %s%n", rule.id(), rule.severity().id(), rule.category(), rule.title());
                for (String line : TextWrap.wrap(rule.help(), 90)) {
                    out.println("             " + line);
                }
            }
            out.printf("%n%d rules%n", RulePack.all().size());
        }
        out.flush();
        return ExitCodes.OK;
    }
}

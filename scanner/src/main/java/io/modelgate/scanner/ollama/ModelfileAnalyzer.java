package io.modelgate.scanner.ollama;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.archive.EntryPaths;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.secrets.SecretScanner;
import io.modelgate.scanner.text.Utf8Text;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an Ollama Modelfile: where FROM and ADAPTER read weights from, the Go TEMPLATE, and credentials in any
 * argument. A FROM naming a model (llama3.2, hf.co/org/repo:tag) is pulled by name and recorded as a fact.
 */
public final class ModelfileAnalyzer implements FormatAnalyzer {

    private static final long MAX_BYTES = 4L << 20;
    private static final Pattern GO_CALL = Pattern.compile("\\{\\{-?\\s*(?:[^}]*[|(]\\s*)?call\\s");
    private static final Pattern PATH_LIKE = Pattern.compile("^(?:[./~\\\\]|[A-Za-z]:[\\\\/]).*|.*\\.(?:gguf|bin|safetensors)$");

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.OLLAMA_MODELFILE);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        Optional<String> text = Utf8Text.decodeOrIncomplete(source, MAX_BYTES, "Modelfile", context);
        if (text.isEmpty()) {
            return;
        }
        Modelfile modelfile;
        try {
            modelfile = Modelfile.parse(text.get());
        } catch (Modelfile.ParseException e) {
            context.incomplete("the Modelfile does not parse (" + e.getMessage() + "); ollama create rejects it, "
                    + "and what a lenient reader would make of it is unknown");
            return;
        }
        for (Modelfile.Instruction instruction : modelfile.instructions()) {
            switch (instruction.command()) {
                case "FROM", "ADAPTER" -> weights(instruction, context);
                case "TEMPLATE" -> template(instruction, context);
                default -> { }
            }
            SecretScanner.scan(instruction.argument(), "Modelfile " + instruction.command() + " (line "
                    + instruction.line() + ")", context);
        }
        modelfile.first("FROM").ifPresent(from -> context.fact("ollama.from", from.argument()));
    }

    private static void weights(Modelfile.Instruction instruction, AnalysisContext context) {
        String target = instruction.argument();
        if (!PATH_LIKE.matcher(target).matches()) {
            return; // a model name, pulled from a registry
        }
        Optional<String> escape = escapes(target);
        escape.ifPresent(why -> context.report(OllamaRules.PATH_ESCAPES, target, instruction.command() + " on line "
                + instruction.line() + " reads '" + target + "': " + why + "."));
    }

    static Optional<String> escapes(String path) {
        if (path.startsWith("~")) {
            return Optional.of("the path starts in a home directory");
        }
        return EntryPaths.checkName(path).map(p -> p.reason().replace("entry name", "the path")
                .replace("the archive root", "the Modelfile's folder"));
    }

    /** Ollama renders TEMPLATE with Go's text/template over its own data; only 'call' runs a function value. */
    private static void template(Modelfile.Instruction instruction, AnalysisContext context) {
        if (GO_CALL.matcher(instruction.argument()).find()) {
            context.report(OllamaRules.TEMPLATE_CALL, "TEMPLATE", "The TEMPLATE on line " + instruction.line()
                    + " uses Go's 'call', which runs a function value from the template data.");
        }
    }
}

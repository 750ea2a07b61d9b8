package io.modelgate.scanner.hf;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.config.ConfigInspection;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.facts.MetadataDocument;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.HeapGate;
import io.modelgate.scanner.io.LimitExceededException;
import io.modelgate.scanner.secrets.SecretScanner;
import io.modelgate.scanner.template.ChatTemplateInspector;
import io.modelgate.scanner.template.TemplateInspection;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * JSON files. Every document is checked to be well-formed within bounds; the Hugging Face files
 * known by name (config, tokenizer, generation, adapter configs, special tokens, chat templates)
 * give provenance facts, custom-code declarations and chat templates for inspection.
 */
public final class HfJsonAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.JSON);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        HfJsonFile kind = HfJsonFile.forName(context.path().leafName());
        SecretScanner.scanUtf8(source, "JSON", context);
        try {
            if (kind == HfJsonFile.TOKENIZER) {
                TokenizerFacts tokenizer = TokenizerJson.read(source, context.deadline());
                context.fact(MetadataDocument.KEY, new MetadataDocument(MetadataDocument.Kind.TOKENIZER,
                        tokenizer.content()));
                return;
            }
            if (kind == HfJsonFile.OTHER && source.size() > BoundedJson.MAX_TREE_BYTES) {
                BoundedJson.validate(source, context.deadline());
                return;
            }
            try (HeapGate.Permit heap = context.budgets().parseHeap()
                    .admit(HeapGate.jsonTree(source.size()), context.deadline()::check)) {
                JsonNode root = BoundedJson.readTree(source);
                if (root != null && root.isObject()) {
                    analyze(kind, root, context);
                }
            }
        } catch (StreamConstraintsException e) {
            throw new LimitExceededException("JSON " + e.getOriginalMessage());
        }
    }

    private static void analyze(HfJsonFile kind, JsonNode root, AnalysisContext context) throws IOException {
        JsonFacts.record(context, kind.prefix(), root, kind.factKeys());
        if (kind.document() != null) {
            context.fact(MetadataDocument.KEY, new MetadataDocument(kind.document(), PlainValues.object(root)));
        }
        if (kind == HfJsonFile.TOKENIZER_CONFIG) {
            List<String> added = JsonFacts.tokenContents(root.get("added_tokens_decoder"));
            if (!added.isEmpty()) {
                context.fact(kind.prefix() + ".added_tokens", added);
                context.fact(kind.prefix() + ".added_tokens_count", root.get("added_tokens_decoder").size());
            }
        }
        customCode(kind, CustomCodeReferences.of(root), context);
        chatTemplates(kind, root.get("chat_template"), context);
        ConfigInspection.inspectJson(root, context);
    }

    /**
     * auto_map (in any config file: model, tokenizer, processor, feature extractor, image processor, ...) and
     * transformers' custom_pipelines: code that runs on load with trust_remote_code.
     */
    private static void customCode(HfJsonFile kind, JsonNode node, AnalysisContext context) {
        AutoMap autoMap = AutoMap.of(node);
        if (autoMap.isEmpty()) {
            return;
        }
        context.fact(kind.prefix() + ".auto_map", autoMap.entries());
        if (!autoMap.modules().isEmpty()) {
            context.fact(kind.prefix() + ".custom_code_modules", List.copyOf(autoMap.modules()));
            context.report(HfRules.CUSTOM_CODE, String.join(", ", autoMap.modules()),
                    "auto_map or custom_pipelines make transformers import " + describe(autoMap.modules())
                            + " from the model folder when loaded with trust_remote_code=True");
        }
        for (String external : autoMap.external()) {
            context.report(HfRules.EXTERNAL_CUSTOM_CODE, external,
                    "auto_map or custom_pipelines load the module " + external + " from another Hub repository at load time");
        }
    }

    private static String describe(Set<String> modules) {
        return modules.stream().map(m -> m + ".py").reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** {@code chat_template}: one template string, or a list of {@code {name, template}} objects. */
    private static void chatTemplates(HfJsonFile kind, JsonNode node, AnalysisContext context) throws IOException {
        if (node == null) {
            return;
        }
        String where = context.path().leafName() + " chat_template";
        if (node.isTextual()) {
            inspect(node.asText(), context, where, kind.prefix() + ".chat_template");
        } else if (node.isArray()) {
            int index = 0;
            for (JsonNode entry : node) {
                JsonNode template = entry.path("template");
                String name = entry.path("name").isTextual() ? JsonFacts.text(entry.get("name").asText())
                        : String.valueOf(index);
                if (template.isTextual()) {
                    inspect(template.asText(), context, where + " '" + name + "'",
                            kind.prefix() + ".chat_template." + name);
                }
                index++;
            }
        }
    }

    private static void inspect(String template, AnalysisContext context, String where, String factKey)
            throws IOException {
        TemplateInspection result = ChatTemplateInspector.inspect(template, context, where);
        result.family().ifPresent(f -> context.fact(factKey + ".chat_format", f));
    }
}

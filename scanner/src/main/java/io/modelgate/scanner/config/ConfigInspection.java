package io.modelgate.scanner.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.TimeoutExceededException;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.HeapGate;
import io.modelgate.scanner.io.LimitExceededException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Where configs that instantiate code are found: YAML files (by name, or any text carrying a Python tag), a
 * sentence-transformers {@code modules.json}, JSON configs of any name (Hydra targets, diffusers pipeline indexes,
 * PEFT adapter configs) and configs held as values of weights metadata. See docs/config-instantiation.md.
 */
public final class ConfigInspection {

    /** YAML files a loader reads whenever it loads the model: one that cannot be read is incomplete. */
    private static final Set<String> FOLLOWED_YAML = Set.of("hparams.yaml", "hparams.yml", "model_config.yaml",
            "model_config.yml");
    /** YAML read by a loader when it sits in a model folder (LightningCLI, Hydra, CompVis configs). */
    private static final Set<String> UNIT_YAML = Set.of("config.yaml", "config.yml");
    /** The fact a config.yaml that cannot be read leaves, for the folder check to judge once the folder is known. */
    public static final String UNREAD_UNIT_YAML = "config.unreadYaml";

    private ConfigInspection() {
    }

    /** A text file: a YAML config, another text that carries a Python tag, or a sentence-transformers modules.json. */
    public static void inspectText(ByteSource source, AnalysisContext context) throws IOException {
        String leaf = baseName(context.path().leafName());
        if (leaf.equals("modules.json")) {
            modulesJson(source, context);
            return;
        }
        boolean yamlName = leaf.endsWith(".yaml") || leaf.endsWith(".yml");
        boolean complete = source.size() <= YamlReader.MAX_CHARS;
        byte[] bytes = source.prefix((int) Math.min(source.size(), YamlReader.MAX_CHARS));
        if (!yamlName && !PythonTagText.mentioned(bytes)) {
            return;
        }
        try (HeapGate.Permit heap = context.budgets().parseHeap()
                .admit(HeapGate.jsonTree(bytes.length), context.deadline()::check)) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            boolean followed = yamlName && FOLLOWED_YAML.contains(leaf);
            boolean unit = yamlName && UNIT_YAML.contains(leaf);
            if (!complete && yamlName) {
                PythonTagReporter.report(PythonTagText.find(text), context);
                unread(context, followed, unit, true, "YAML longer than " + YamlReader.MAX_CHARS + " bytes");
                return;
            }
            if (complete) {
                yaml(text, context, yamlName, followed, unit);
            }
        }
    }

    /**
     * Reads a text as YAML. When it does not parse, a file named as YAML is still searched for Python tags in its
     * text (PyYAML may accept what this reader refuses); another text that does not parse is no YAML a loader
     * reads (a README that mentions a tag), so nothing is reported for it.
     */
    private static void yaml(String text, AnalysisContext context, boolean yamlName, boolean followed, boolean unit)
            throws IOException {
        YamlDocuments documents;
        try {
            documents = YamlReader.read(text, context.deadline());
        } catch (YamlSyntaxException | LimitExceededException e) {
            if (yamlName) {
                PythonTagReporter.report(PythonTagText.find(text), context);
            }
            unread(context, followed, unit, e instanceof LimitExceededException, e.getMessage());
            return;
        }
        PythonTagReporter.report(documents.tags(), context);
        for (JsonNode root : documents.roots()) {
            new InstantiationWalker(new TargetReporter(context, ""), root, context.deadline()).walk();
        }
    }

    /** Plain YAML no loader follows stays as it was (text); a followed one that cannot be read is incomplete. */
    private static void unread(AnalysisContext context, boolean followed, boolean unit, boolean limit, String why) {
        if (followed && limit) {
            context.limitReached(why);
        } else if (followed) {
            context.incomplete("config a loader reads is " + why);
        } else if (unit) {
            context.fact(UNREAD_UNIT_YAML, why);
        }
    }

    private static void modulesJson(ByteSource source, AnalysisContext context) throws IOException {
        if (source.size() > ConfigJson.MAX_CHARS) {
            context.limitReached("modules.json larger than " + ConfigJson.MAX_CHARS + " bytes");
            return;
        }
        JsonNode modules;
        try {
            modules = ConfigJson.read(new String(source.prefix((int) source.size()), StandardCharsets.UTF_8));
        } catch (YamlSyntaxException e) {
            context.incomplete("sentence-transformers modules.json is " + e.getMessage());
            return;
        }
        SentenceTransformerModules.inspect(modules, new TargetReporter(context, ""));
    }

    /** A JSON document read by the JSON analyser (any name: Hydra configs, pipeline indexes, adapter configs). */
    public static void inspectJson(JsonNode root, AnalysisContext context) throws IOException {
        TargetReporter reporter = new TargetReporter(context, "");
        new InstantiationWalker(reporter, root, context.deadline()).walk();
        if (DiffusersModelIndex.is(root)) {
            DiffusersModelIndex.inspect(root, reporter);
        }
        if (PeftAdapterConfig.is(root)) {
            PeftAdapterConfig.inspect(root, reporter);
        }
    }

    /**
     * A value of weights metadata ({@code key} in safetensors {@code __metadata__}) that may hold a whole config as
     * JSON or YAML text: frameworks that store their config there rebuild the model from it.
     */
    public static void inspectMetadataValue(String key, String value, AnalysisContext context)
            throws IOException {
        String text = value.strip();
        boolean json = text.startsWith("{") || text.startsWith("[");
        if (!json && !PythonTagText.mentioned(text) && !text.contains("_target_") && !text.contains("class_path")) {
            return;
        }
        String where = "__metadata__ '" + key + "'";
        TargetReporter reporter = new TargetReporter(context, where);
        try {
            if (json) {
                new InstantiationWalker(reporter, ConfigJson.read(text), context.deadline()).walk();
                return;
            }
            YamlDocuments documents = YamlReader.read(text, context.deadline());
            PythonTagReporter.report(documents.tags(), context, where);
            for (JsonNode root : documents.roots()) {
                new InstantiationWalker(reporter, root, context.deadline()).walk();
            }
        } catch (TimeoutExceededException e) {
            throw e;
        } catch (LimitExceededException e) {
            context.limitReached(where + ": " + e.getMessage());
        } catch (IOException e) {
            // Metadata text that is not a config is free text, reviewed as such by the metadata inspector.
        }
    }

    private static String baseName(String entryName) {
        String leaf = entryName.substring(Math.max(entryName.lastIndexOf('/'), entryName.lastIndexOf('\\')) + 1);
        return leaf.toLowerCase(Locale.ROOT);
    }
}

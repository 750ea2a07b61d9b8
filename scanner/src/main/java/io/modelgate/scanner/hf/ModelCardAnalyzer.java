package io.modelgate.scanner.hf;

import io.modelgate.scanner.analysis.Failures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.facts.LicenseTextFact;
import io.modelgate.scanner.facts.ModelCardFact;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.secrets.SecretScanner;
import io.modelgate.scanner.text.Utf8Text;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The model card's YAML front matter: license, base model and other metadata a provenance check
 * compares with the weights. YAML is read as plain data (no tags are instantiated) with bounds on
 * size, nesting and aliases, so alias bombs cannot expand.
 */
public final class ModelCardAnalyzer implements FormatAnalyzer {

    static final int MAX_CARD_BYTES = 4 * 1024 * 1024;
    static final int MAX_FRONT_MATTER_CHARS = 256 * 1024;
    private static final List<String> KEYS = List.of("license", "license_name", "license_link", "base_model",
            "base_model_relation", "pipeline_tag", "library_name", "tags", "language", "datasets", "model_name",
            "new_version");

    /** Built on first use: a scan without model cards never sets up a YAML parser. */
    private static final class Mapper {
        static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
                .loaderOptions(loaderOptions())
                .disable(com.fasterxml.jackson.core.JsonFactory.Feature.INTERN_FIELD_NAMES)
                .disable(com.fasterxml.jackson.core.JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                .build());
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(32);
        options.setCodePointLimit(MAX_FRONT_MATTER_CHARS);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.MODEL_CARD);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        SecretScanner.scanUtf8(source, "model card", context);
        String head;
        try {
            head = Utf8Text.decode(source.slice(0, Math.min(source.size(), MAX_CARD_BYTES)), MAX_CARD_BYTES,
                    "model card");
        } catch (CharacterCodingException e) {
            head = new String(source.prefix(MAX_CARD_BYTES), StandardCharsets.UTF_8);
            if (source.size() <= MAX_CARD_BYTES) {
                context.incomplete("model card is not valid UTF-8");
                return;
            }
        }
        Optional<String> yaml = FrontMatter.extract(head);
        if (yaml.isEmpty()) {
            context.incomplete("model card front matter is not closed by a '---' line");
            return;
        }
        // The heading is still a name declaration when the front matter cannot be read.
        CardBody body = CardBody.read(FrontMatter.body(head, yaml.get()));
        String title = body.title();
        ModelCardFact.CardUses uses = body.uses();
        body.licenseSection().ifPresent(section -> context.fact(LicenseTextFact.KEY, section));
        if (yaml.get().length() > MAX_FRONT_MATTER_CHARS) {
            context.limitReached("model card front matter longer than " + MAX_FRONT_MATTER_CHARS + " characters");
            recordCard(context, Map.of(), title, uses);
            return;
        }
        JsonNode root;
        try {
            root = Mapper.YAML.readTree(yaml.get());
        } catch (IOException | RuntimeException e) {
            context.incomplete("model card front matter is not valid YAML: " + Failures.describe(e));
            recordCard(context, Map.of(), title, uses);
            return;
        }
        Map<String, Object> frontMatter = Map.of();
        if (root != null && root.isObject()) {
            JsonFacts.record(context, "hf.card", root, KEYS);
            frontMatter = PlainValues.object(root);
        }
        recordCard(context, frontMatter, title, uses);
    }

    private static void recordCard(AnalysisContext context, Map<String, Object> frontMatter, String title,
                                   ModelCardFact.CardUses uses) {
        context.fact(ModelCardFact.KEY, new ModelCardFact(frontMatter, title, uses));
    }
}

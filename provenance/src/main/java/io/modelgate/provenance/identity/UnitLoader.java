package io.modelgate.provenance.identity;

import io.modelgate.scanner.facts.LicenseTextFact;
import io.modelgate.scanner.facts.MetadataDocument;
import io.modelgate.scanner.facts.ModelCardFact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a unit's {@link ModelEvidenceInput} from the facts the scanner's readers recorded: metadata
 * documents (configs, tokenizer files, chat templates), the model card, license texts, tensor layouts and
 * GGUF metadata. Nothing is read from disk, so units inside archives and packages are read the same way.
 */
final class UnitLoader {

    private static final int MAX_LICENSE_FILES = 8;
    static final int MAX_TENSORS = 50_000;

    ModelEvidenceInput load(ModelUnit unit) {
        boolean folderUnit = unit.kind() == UnitKind.HF_FOLDER || unit.kind() == UnitKind.ADAPTER;
        Doc config = folderUnit ? document(unit, MetadataDocument.Kind.CONFIG) : Doc.absent();
        Doc tokenizer = folderUnit ? tokenizerConfig(unit) : Doc.absent();
        Doc tokenizerJson = folderUnit ? document(unit, MetadataDocument.Kind.TOKENIZER) : Doc.absent();
        Doc generation = folderUnit ? document(unit, MetadataDocument.Kind.GENERATION_CONFIG) : Doc.absent();
        Doc adapter = folderUnit ? document(unit, MetadataDocument.Kind.ADAPTER_CONFIG) : Doc.absent();
        Doc card = unit.named("README.md").flatMap(UnitLoader::card).orElse(Doc.absent());
        Doc gguf = unit.kind() == UnitKind.GGUF ? FormatFacts.gguf(unit.main().get(0)) : Doc.absent();
        Doc metadata = FormatFacts.weightsMetadata(unit.main());
        TensorLayout tensors = FormatFacts.tensors(unit.main(), MAX_TENSORS);
        String leaf = UnitDiscovery.leaf(unit.path());
        String name = leaf.equals(".") || leaf.isEmpty() ? null : leaf;
        return new ModelEvidenceInput(unit.path(), unit.kind(), unit.anchor(), name, config, tokenizer, tokenizerJson,
                generation, adapter, card, gguf, metadata, tensors, licenseTexts(unit));
    }

    private static Doc document(ModelUnit unit, MetadataDocument.Kind kind) {
        return unit.named(kind.fileName())
                .flatMap(a -> a.fact(MetadataDocument.KEY, MetadataDocument.class)
                        .filter(d -> d.kind() == kind)
                        .map(d -> new Doc(a.display(), d.content())))
                .orElse(Doc.absent());
    }

    /** The card's front matter plus its first heading under {@link ModelEvidenceInput#CARD_TITLE}. */
    private static Optional<Doc> card(Artifact readme) {
        return readme.fact(ModelCardFact.KEY, ModelCardFact.class).map(card -> {
            Map<String, Object> data = new LinkedHashMap<>(card.frontMatter());
            if (card.title() != null) {
                data.put(ModelEvidenceInput.CARD_TITLE, card.title());
            }
            return data;
        }).filter(data -> !data.isEmpty()).map(data -> new Doc(readme.display(), data));
    }

    /**
     * tokenizer_config.json (or, without one, special_tokens_map.json: some adapters ship only the map), with the
     * chat template from chat_template.jinja / .json when it is kept apart.
     */
    private static Doc tokenizerConfig(ModelUnit unit) {
        Doc tokenizer = withSpecialTokens(document(unit, MetadataDocument.Kind.TOKENIZER_CONFIG),
                document(unit, MetadataDocument.Kind.SPECIAL_TOKENS_MAP));
        if (tokenizer.get("chat_template") != null) {
            return tokenizer;
        }
        Doc separate = document(unit, MetadataDocument.Kind.CHAT_TEMPLATE_TEXT);
        if (separate.text("chat_template") == null) {
            separate = document(unit, MetadataDocument.Kind.CHAT_TEMPLATE);
        }
        String template = separate.text("chat_template");
        if (template == null) {
            return tokenizer;
        }
        Map<String, Object> data = new LinkedHashMap<>(tokenizer.data());
        data.put("chat_template", template);
        return new Doc(tokenizer.present() ? tokenizer.source() : separate.source(), data);
    }

    /** transformers writes the special tokens to both files: the map speaks only when the config is missing. */
    private static Doc withSpecialTokens(Doc tokenizer, Doc specialTokens) {
        return tokenizer.present() ? tokenizer : specialTokens;
    }

    /**
     * The license texts of each folder, by the identity of its map: every file unit of a folder shares its
     * folder's map, so a folder of 20,000 pickles is searched once, not 20,000 times, also while units of several
     * folders are assessed in parallel.
     */
    private final Map<Map<String, Artifact>, List<SourcedText>> folderTexts =
            Collections.synchronizedMap(new IdentityHashMap<>());

    private List<SourcedText> licenseTexts(ModelUnit unit) {
        return folderTexts.computeIfAbsent(unit.folder(), UnitLoader::licenseTexts);
    }

    private static List<SourcedText> licenseTexts(Map<String, Artifact> folder) {
        List<SourcedText> texts = new ArrayList<>();
        for (Artifact artifact : folder.values()) {
            if (texts.size() >= MAX_LICENSE_FILES) {
                break;
            }
            artifact.fact(LicenseTextFact.KEY, LicenseTextFact.class)
                    .ifPresent(text -> texts.add(new SourcedText(artifact.display(), text.excerpt())));
        }
        return List.copyOf(texts);
    }
}

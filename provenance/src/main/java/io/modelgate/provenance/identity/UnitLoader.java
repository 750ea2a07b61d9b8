package io.modelgate.provenance.identity;

import io.modelgate.scanner.model.FileResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds a unit's {@link ModelEvidenceInput}: small metadata files (configs, card, license texts) are read
 * from disk with bounded readers; weights are never re-parsed, their tensor layouts and metadata come from
 * the facts the format readers recorded during the scan.
 */
final class UnitLoader {

    /** License texts are recognised by content; these names only select which files to read. */
    private static final Pattern LICENSE_FILE = Pattern.compile(
            "(?i)^(?:licen[cs]e|notice|copying|use_policy|usage_policy)(?:[-_.][\\w.-]*)?$");
    private static final int MAX_LICENSE_FILES = 8;
    static final int MAX_TENSORS = 50_000;

    ModelEvidenceInput load(UnitFiles unit) {
        boolean folderUnit = unit.kind() == UnitKind.HF_FOLDER || unit.kind() == UnitKind.ADAPTER;
        Doc config = folderUnit ? json(unit, "config.json") : Doc.absent();
        Doc tokenizer = folderUnit ? tokenizerConfig(unit) : Doc.absent();
        Doc tokenizerJson = folderUnit ? unit.named("tokenizer.json")
                .flatMap(f -> MetadataFiles.addedTokens(Path.of(f.path()))
                        .map(tokens -> new Doc(f.path(), Map.of("added_tokens", tokens))))
                .orElse(Doc.absent()) : Doc.absent();
        Doc generation = folderUnit ? json(unit, "generation_config.json") : Doc.absent();
        Doc adapter = folderUnit ? json(unit, "adapter_config.json") : Doc.absent();
        Doc card = unit.named("README.md")
                .flatMap(f -> MetadataFiles.text(Path.of(f.path())).flatMap(MetadataFiles::card)
                        .map(data -> new Doc(f.path(), data)))
                .orElse(Doc.absent());
        Doc gguf = unit.kind() == UnitKind.GGUF ? FormatFacts.gguf(unit.main().get(0)) : Doc.absent();
        Doc metadata = FormatFacts.weightsMetadata(unit.main());
        TensorLayout tensors = FormatFacts.tensors(unit.main(), MAX_TENSORS);
        String leaf = UnitDiscovery.leaf(unit.path());
        String name = leaf.equals(".") || leaf.isEmpty() ? null : leaf;
        return new ModelEvidenceInput(unit.path(), unit.kind(), unit.anchor(), name, config, tokenizer, tokenizerJson,
                generation,
                adapter, card, gguf, metadata, tensors, licenseTexts(unit));
    }

    private static Doc json(UnitFiles unit, String name) {
        return unit.named(name)
                .flatMap(f -> MetadataFiles.json(Path.of(f.path())).map(data -> new Doc(f.path(), data)))
                .orElse(Doc.absent());
    }

    /** tokenizer_config.json, with the chat template from chat_template.jinja / .json when it is kept apart. */
    private static Doc tokenizerConfig(UnitFiles unit) {
        Doc tokenizer = json(unit, "tokenizer_config.json");
        if (tokenizer.get("chat_template") != null) {
            return tokenizer;
        }
        Optional<String> template = unit.named("chat_template.jinja")
                .flatMap(f -> MetadataFiles.text(Path.of(f.path())))
                .or(() -> Optional.ofNullable(json(unit, "chat_template.json").text("chat_template")));
        if (template.isEmpty()) {
            return tokenizer;
        }
        Map<String, Object> data = new LinkedHashMap<>(tokenizer.data());
        data.put("chat_template", template.get());
        String source = tokenizer.present() ? tokenizer.source() : UnitDiscovery.folderOf(unit.anchor()) + "/chat_template";
        return new Doc(source, data);
    }

    private static List<SourcedText> licenseTexts(UnitFiles unit) {
        List<SourcedText> texts = new ArrayList<>();
        for (Map.Entry<String, FileResult> file : unit.folder().entrySet()) {
            if (texts.size() >= MAX_LICENSE_FILES) {
                break;
            }
            if (LICENSE_FILE.matcher(file.getKey()).matches()
                    && !file.getKey().toLowerCase(Locale.ROOT).endsWith(".json")) {
                MetadataFiles.text(Path.of(file.getValue().path()))
                        .ifPresent(text -> texts.add(new SourcedText(file.getValue().path(), text)));
            }
        }
        return texts;
    }
}

package io.modelgate.provenance.identity;

import io.modelgate.scanner.model.ArtifactPath;

import java.util.List;

/**
 * Everything the provenance engine reads about one model unit, independent of where it came from (files on
 * disk, facts recorded by the format readers, or a test).
 *
 * @param path             the unit as shown in reports: a folder or a file
 * @param kind             how the unit is packaged
 * @param anchor           the file findings about the unit are attached to (config.json, card, GGUF file, …)
 * @param name             the folder or file name, a weak hint of the unit's name
 * @param config           config.json
 * @param tokenizerConfig  tokenizer_config.json
 * @param tokenizerJson    tokenizer.json, reduced to its added tokens, counted vocabulary, pre-tokenizer patterns
 *                         and BOS/EOS (the vocabulary itself is never kept)
 * @param generationConfig generation_config.json
 * @param adapterConfig    adapter_config.json
 * @param card             the model card's front matter, plus {@code _title}: its first heading
 * @param gguf             GGUF metadata key/values (general.*, tokenizer.ggml.*, …)
 * @param weightsMetadata  safetensors __metadata__ values
 * @param tensors          tensor names and shapes of the weights
 * @param licenseTexts     LICENSE / NOTICE / COPYING texts of the unit
 */
public record ModelEvidenceInput(String path, UnitKind kind, ArtifactPath anchor, String name, Doc config,
                                 Doc tokenizerConfig, Doc tokenizerJson, Doc generationConfig, Doc adapterConfig, Doc card, Doc gguf,
                                 Doc weightsMetadata, TensorLayout tensors, List<SourcedText> licenseTexts) {

    /** Key under which a card's first heading is kept in {@link #card()}. */
    public static final String CARD_TITLE = "_title";

    public ModelEvidenceInput {
        config = orAbsent(config);
        tokenizerConfig = orAbsent(tokenizerConfig);
        tokenizerJson = orAbsent(tokenizerJson);
        generationConfig = orAbsent(generationConfig);
        adapterConfig = orAbsent(adapterConfig);
        card = orAbsent(card);
        gguf = orAbsent(gguf);
        weightsMetadata = orAbsent(weightsMetadata);
        tensors = tensors == null ? TensorLayout.none() : tensors;
        licenseTexts = licenseTexts == null ? List.of() : List.copyOf(licenseTexts);
    }

    /** True when the unit carries any metadata or layout to identify it from. */
    public boolean hasIdentityData() {
        return config.present() || tokenizerConfig.present() || tokenizerJson.present() || adapterConfig.present() || card.present()
                || gguf.present() || !tensors.shapes().isEmpty();
    }

    private static Doc orAbsent(Doc doc) {
        return doc == null ? Doc.absent() : doc;
    }
}

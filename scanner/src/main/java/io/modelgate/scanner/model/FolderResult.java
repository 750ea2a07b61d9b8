package io.modelgate.scanner.model;

import java.util.Map;

/** Facts established about a whole folder by folder analysers (shard index, signatures, …). */
public record FolderResult(String path, Map<String, Object> facts) {

    public FolderResult {
        facts = FactValues.canonicalMap(facts);
    }
}

package io.modelgate.provenance.kb;

import java.util.List;
import java.util.Map;

/**
 * A generation of a family (qwen2.5, llama3.1, …).
 *
 * @param id            short lowercase id
 * @param namePatterns  case-insensitive regular expressions that recognise the generation in a model name
 * @param license       default license id of the generation (overrides the family's), may be null
 * @param sizeLicenses  size label (as in a model name, e.g. {@code 3b}) to license id, for per-size exceptions
 * @param signals       fingerprints that point at this generation within its family
 */
public record GenerationDef(String id, List<String> namePatterns, String license, Map<String, String> sizeLicenses,
                            List<SignalDef> signals) {

    public GenerationDef {
        namePatterns = namePatterns == null ? List.of() : List.copyOf(namePatterns);
        sizeLicenses = sizeLicenses == null ? Map.of() : Map.copyOf(sizeLicenses);
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}

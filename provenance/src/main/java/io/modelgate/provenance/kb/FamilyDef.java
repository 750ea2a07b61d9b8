package io.modelgate.provenance.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An open-weight model family and how to recognise it.
 *
 * @param id            short lowercase id (qwen, llama, …)
 * @param name          display name
 * @param publisher     the organisation that publishes the family
 * @param country       ISO 3166-1 alpha-2 code of the publisher
 * @param orgs          Hugging Face organisation ids of the publisher
 * @param namePatterns  case-insensitive regular expressions that recognise the family in a model name
 * @param license       default license id of the family
 * @param licenses      every license id the publisher uses for the family (a genuine model under one of these
 *                      is not a conflict)
 * @param architectures architecture labels the family legitimately ships under (a label outside this list on
 *                      weights of the family means the weights were relabelled)
 * @param generations   known generations, newest last
 * @param signals       fingerprints shared by the whole family
 * @param extend        in a user file: add to the built-in entry of the same id instead of replacing it
 * @param builtOn       families whose architecture and tokenizer this line ships unchanged (embedding models
 *                      trained on a BERT or XLM-R body): its files show the base family, only its names show it
 * @param sources       the public files (configs, tokenizer configs, cards) the entry's facts were read from
 */
public record FamilyDef(String id, String name, String publisher, String country, List<String> orgs,
                        List<String> namePatterns, String license, List<String> licenses, List<String> architectures,
                        List<GenerationDef> generations, List<SignalDef> signals, boolean extend,
                        List<String> builtOn, List<String> sources) {

    public FamilyDef {
        Objects.requireNonNull(id, "family id is missing");
        orgs = orgs == null ? List.of() : List.copyOf(orgs);
        namePatterns = namePatterns == null ? List.of() : List.copyOf(namePatterns);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        architectures = architectures == null ? List.of() : List.copyOf(architectures);
        generations = generations == null ? List.of() : List.copyOf(generations);
        signals = signals == null ? List.of() : List.copyOf(signals);
        builtOn = builtOn == null ? List.of() : List.copyOf(builtOn);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** This entry with the lists of {@code more} appended and its non-null scalars taking over. */
    public FamilyDef extendedBy(FamilyDef more) {
        return new FamilyDef(id, or(more.name, name), or(more.publisher, publisher), or(more.country, country),
                concat(orgs, more.orgs), concat(namePatterns, more.namePatterns), or(more.license, license),
                concat(licenses, more.licenses), concat(architectures, more.architectures),
                concat(generations, more.generations), concat(signals, more.signals), false,
                concat(builtOn, more.builtOn), concat(sources, more.sources));
    }

    public boolean usesLicense(String licenseId) {
        return licenseId != null && (licenseId.equals(license) || licenses.contains(licenseId));
    }

    private static String or(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

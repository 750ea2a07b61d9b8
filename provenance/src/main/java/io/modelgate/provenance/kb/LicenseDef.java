package io.modelgate.provenance.kb;

import java.util.List;
import java.util.Objects;

/**
 * A license ModelGate can name.
 *
 * @param id            SPDX id, or {@code LicenseRef-…} for custom model licenses
 * @param name          display name
 * @param aliases       identifiers seen in model cards and GGUF metadata (Hub license ids, license_name slugs),
 *                      compared case-insensitively
 * @param commercialUse {@code true}, {@code false} or {@code conditional}
 * @param kind          {@code permissive}, {@code copyleft}, {@code model} (custom terms that bind derivatives),
 *                      {@code noncommercial} or {@code research}
 * @param obligations   duties of a user or redistributor (attribution, acceptable-use policy, …)
 * @param titles        normalised phrases that name the license in the opening of its text
 * @param phrases       normalised characteristic clauses found in its body
 * @param minPhrases    how many of {@code phrases} identify the text without a title
 * @param excludes      normalised phrases whose presence rules this license out (tells BSD-2 from BSD-3)
 */
public record LicenseDef(String id, String name, List<String> aliases, String commercialUse, String kind,
                         List<String> obligations, List<String> titles, List<String> phrases, int minPhrases,
                         List<String> excludes) {

    public LicenseDef {
        Objects.requireNonNull(id, "license id is missing");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        obligations = obligations == null ? List.of() : List.copyOf(obligations);
        titles = titles == null ? List.of() : List.copyOf(titles);
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        if (commercialUse == null) {
            commercialUse = "conditional";
        }
        if (kind == null) {
            kind = "model";
        }
    }

    /**
     * True when the terms follow the weights into derivatives, so a derivative that declares another license
     * conflicts with them. Permissive licenses let a derivative add its own terms.
     */
    public boolean bindsDerivatives() {
        return !"permissive".equals(kind);
    }
}

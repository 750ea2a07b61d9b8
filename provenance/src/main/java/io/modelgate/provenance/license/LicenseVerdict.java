package io.modelgate.provenance.license;

import java.util.List;

/**
 * The license of a model unit as reported.
 *
 * @param id            SPDX id or LicenseRef-…; null when nothing is known
 * @param name          display name, or the raw declaration when not recognised
 * @param source        where it was found, or how it was inferred
 * @param commercialUse {@code true}, {@code false}, {@code conditional} or {@code unknown}, the most restrictive
 *                      of the declared license and the licenses inherited from bases
 * @param obligations   duties from the declared license and every inherited license
 * @param conflicts     disagreements between declarations or with a base's license, each naming both licenses
 */
public record LicenseVerdict(String id, String name, String source, String commercialUse, List<String> obligations,
                             List<String> conflicts) {

    public LicenseVerdict {
        obligations = List.copyOf(obligations);
        conflicts = List.copyOf(conflicts);
    }
}

package io.modelgate.provenance.license;

import io.modelgate.provenance.kb.LicenseDef;

import java.util.List;

/**
 * A unit that presents itself as one of a family's own models (no base): the licenses its publisher uses.
 *
 * @param family   the family's display name
 * @param expected the license expected for this model (generation and size aware)
 * @param allowed  ids of every license the publisher uses for the family
 */
public record OwnFamily(String family, LicenseDef expected, List<String> allowed) {
}

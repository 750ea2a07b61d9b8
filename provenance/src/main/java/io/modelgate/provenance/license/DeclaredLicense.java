package io.modelgate.provenance.license;

import io.modelgate.provenance.kb.LicenseDef;

/**
 * A license a unit declares somewhere.
 *
 * @param raw     the value as written (an identifier, a license_name, or how a text was recognised)
 * @param source  where: {@code README.md#/license}, {@code LICENSE}, {@code model.gguf#general.license}, …
 * @param license the recognised license, or null when not recognised
 */
public record DeclaredLicense(String raw, String source, LicenseDef license) {
}

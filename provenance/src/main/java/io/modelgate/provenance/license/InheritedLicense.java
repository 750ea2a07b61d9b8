package io.modelgate.provenance.license;

import io.modelgate.provenance.kb.LicenseDef;

/**
 * The license a base model (declared or detected) is published under.
 *
 * @param from    the base, as shown to users (e.g. {@code Qwen/Qwen2.5-7B (qwen2.5)})
 * @param license its license
 */
public record InheritedLicense(String from, LicenseDef license) {
}

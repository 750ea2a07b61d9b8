package io.modelgate.scanner.packaging;

import java.util.Optional;

/**
 * A software package positively identified from its manifest. Name and version are what the manifest
 * declares (a jar's manifest may name neither).
 */
public record SoftwarePackage(PackageKind kind, Optional<String> name, Optional<String> version) {

    /** For messages: {@code npm package semver 7.8.6}. */
    public String describe() {
        StringBuilder text = new StringBuilder(kind.label());
        name.ifPresent(n -> text.append(' ').append(n));
        version.ifPresent(v -> text.append(' ').append(v));
        return text.toString();
    }
}

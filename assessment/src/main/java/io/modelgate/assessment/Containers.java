package io.modelgate.assessment;

import io.modelgate.provenance.identity.Artifact;

import java.util.Locale;

/** Describes the archive or package a unit was found in. */
final class Containers {

    private Containers() {
    }

    static PackageRef of(Artifact container) {
        String name = container.name().toLowerCase(Locale.ROOT);
        String type;
        if (name.endsWith(".jar") || name.endsWith(".war") || name.endsWith(".ear")) {
            type = "jar";
        } else if (name.endsWith(".whl")) {
            type = "wheel";
        } else {
            type = container.format();
        }
        return new PackageRef(container.display(), type, null, null);
    }
}

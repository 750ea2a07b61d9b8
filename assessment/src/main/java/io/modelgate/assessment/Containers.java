package io.modelgate.assessment;

import io.modelgate.provenance.identity.Artifact;
import io.modelgate.scanner.detect.ModelFormat;

import java.util.Locale;

/** Describes the archive or package a unit was found in. */
final class Containers {

    private Containers() {
    }

    static PackageRef of(Artifact container) {
        return new PackageRef(container.display(), type(container), null, null);
    }

    /** The package type by the format the scanner recognised, or by the name for a plain archive. */
    private static String type(Artifact container) {
        String format = container.format();
        if (format.equals(ModelFormat.NPM_PACKAGE.id())) {
            return "npm";
        } else if (format.equals(ModelFormat.PYTHON_WHEEL.id())) {
            return "wheel";
        } else if (format.equals(ModelFormat.PYTHON_SDIST.id())) {
            return "sdist";
        } else if (format.equals(ModelFormat.JAVA_ARCHIVE.id())) {
            return "jar";
        }
        String name = container.name().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jar") || name.endsWith(".war") || name.endsWith(".ear")) {
            return "jar";
        }
        return name.endsWith(".whl") ? "wheel" : format;
    }
}

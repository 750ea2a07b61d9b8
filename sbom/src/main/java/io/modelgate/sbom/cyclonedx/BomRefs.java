package io.modelgate.sbom.cyclonedx;

import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.PackageRef;
import io.modelgate.provenance.identity.BaseModel;

/**
 * Stable bom-refs: derived from what a thing is (its path or name), never from a counter, so the same scan
 * gives the same references and two BOMs of the same model can be compared by reference.
 */
final class BomRefs {

    private BomRefs() {
    }

    static String model(ModelAssessment model) {
        return "model:" + model.path();
    }

    static String file(String path) {
        return "file:" + path;
    }

    static String container(PackageRef container) {
        return "package:" + container.path();
    }

    static String base(BaseModel base) {
        return "base:" + base.name();
    }
}

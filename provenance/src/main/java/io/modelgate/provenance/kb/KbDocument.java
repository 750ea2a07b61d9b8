package io.modelgate.provenance.kb;

import java.util.List;

/** One knowledge-base data file as written in YAML. */
record KbDocument(String kbVersion, List<FamilyDef> families, List<LicenseDef> licenses) {

    KbDocument {
        families = families == null ? List.of() : families;
        licenses = licenses == null ? List.of() : licenses;
    }
}

package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.provenance.license.DeclaredLicense;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a unit's license comes from: the card, license texts by their content, NOTICE files only as a last resort. */
class LicenseSourcesTest {

    private static final String MIT_TEXT = "Permission is hereby granted, free of charge, to any person obtaining a copy "
            + "of this software. The above copyright notice and this permission notice shall be included in all copies.";
    private final LicenseSources sources = new LicenseSources(KnowledgeBaseLoader.builtIn());

    private static ModelEvidenceInput unit(Doc card, List<SourcedText> texts) {
        return new ModelEvidenceInput("m", UnitKind.HF_FOLDER, null, "m", null, null, null, null, null, card, null,
                null, null, texts);
    }

    private List<String> ids(ModelEvidenceInput input) {
        return sources.read(input).stream().map(DeclaredLicense::license)
                .map(l -> l == null ? null : l.id()).toList();
    }

    @Test
    void aNoticeCreditingThirdPartyCodeDoesNotDeclareTheModelsLicense() {
        Doc card = new Doc("m/README.md", Map.of("license", "apache-2.0"));
        ModelEvidenceInput input = unit(card, List.of(new SourcedText("m/NOTICE", "This product bundles a tokenizer "
                + "under the MIT License.\n" + MIT_TEXT)));
        assertThat(ids(input)).containsExactly("Apache-2.0");
    }

    @Test
    void aNoticeIsReadWhenNothingElseDeclaresALicense() {
        ModelEvidenceInput input = unit(null, List.of(new SourcedText("m/NOTICE.txt", MIT_TEXT)));
        assertThat(ids(input)).containsExactly("MIT");
    }

    @Test
    void licenseTextsUnderAnyNameAreReadByTheirContent() {
        ModelEvidenceInput input = unit(null, List.of(new SourcedText("m/MODEL_LICENSE", "EXAONE AI Model License "
                + "Agreement 1.2 - NC")));
        assertThat(ids(input)).containsExactly("LicenseRef-exaone");
    }
}

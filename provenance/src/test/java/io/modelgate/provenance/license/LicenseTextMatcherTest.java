package io.modelgate.provenance.license;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** License texts are recognised by their own words, whatever their layout, and told apart from their relatives. */
class LicenseTextMatcherTest {

    private final LicenseTextMatcher matcher = new LicenseTextMatcher(KnowledgeBaseLoader.builtIn());

    private String id(String text) {
        return matcher.identify(text).map(m -> m.license().id()).orElse(null);
    }

    @Test
    void titlesNameTheLicenseWhateverTheLayout() {
        assertThat(id("   APACHE LICENSE\n      Version 2.0, January 2004\n")).isEqualTo("Apache-2.0");
        assertThat(id("LLAMA 3.1 COMMUNITY LICENSE AGREEMENT\nLlama 3.1 Version Release Date")).isEqualTo("LicenseRef-llama3.1");
        assertThat(id("META LLAMA 3 COMMUNITY LICENSE AGREEMENT")).isEqualTo("LicenseRef-llama3");
        assertThat(id("Llama 3.2 Community License Agreement")).isEqualTo("LicenseRef-llama3.2");
        assertThat(id("Gemma Terms of Use\n\nLast modified")).isEqualTo("LicenseRef-gemma");
        assertThat(id("Qwen RESEARCH LICENSE AGREEMENT")).isEqualTo("LicenseRef-qwen-research");
        assertThat(id("Tongyi Qianwen LICENSE AGREEMENT")).isEqualTo("LicenseRef-tongyi-qianwen");
        assertThat(id("Qwen LICENSE AGREEMENT")).isEqualTo("LicenseRef-qwen");
        assertThat(id("DEEPSEEK LICENSE AGREEMENT\nVersion 1.0")).isEqualTo("LicenseRef-deepseek");
    }

    @Test
    void aCustomModelLicenseThatCitesAStandardOneIsTheCustomOne() {
        // Custom model licenses often say what they were derived from in their first lines.
        assertThat(id("Falcon LLM License\nThis license is based on the Apache License Version 2.0, with an "
                + "acceptable use policy")).isEqualTo("LicenseRef-falcon-llm");
        assertThat(id("LFM Open License v1.0\nDerived from the Apache License Version 2.0; terms and conditions for "
                + "use, reproduction, and distribution; grant of patent license")).isEqualTo("LicenseRef-lfm1.0");
        assertThat(id("EXAONE AI Model License Agreement 1.2 - NC")).isEqualTo("LicenseRef-exaone");
        // A standard license that mentions a model license later is still the standard one.
        assertThat(id("Apache License\nVersion 2.0, January 2004\n... see also the Falcon LLM License"))
                .isEqualTo("Apache-2.0");
    }

    @Test
    void creativeCommonsVariantsAreNotConfused() {
        assertThat(id("Creative Commons Attribution 4.0 International Public License")).isEqualTo("CC-BY-4.0");
        assertThat(id("Creative Commons Attribution-NonCommercial 4.0 International Public License"))
                .isEqualTo("CC-BY-NC-4.0");
        assertThat(id("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 International Public License"))
                .isEqualTo("CC-BY-NC-SA-4.0");
        assertThat(id("Creative Commons Attribution-NoDerivatives 4.0 International Public License"))
                .isEqualTo("CC-BY-ND-4.0");
    }

    @Test
    void gnuLicensesAreToldApartByTitleAndVersion() {
        assertThat(id("GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007")).isEqualTo("GPL-3.0-only");
        assertThat(id("GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991")).isEqualTo("GPL-2.0-only");
        assertThat(id("GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007")).isEqualTo("LGPL-3.0-only");
        assertThat(id("GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007")).isEqualTo("AGPL-3.0-only");
        assertThat(id("Mozilla Public License Version 2.0")).isEqualTo("MPL-2.0");
    }

    @Test
    void bsdTwoAndThreeClauseDifferByTheEndorsementClause() {
        String two = "Copyright (c) 2020 X. Redistribution and use in source and binary forms, with or without "
                + "modification, are permitted provided that: 1. Redistributions of source code must retain the above "
                + "copyright notice.";
        assertThat(id(two)).isEqualTo("BSD-2-Clause");
        assertThat(id(two + " 3. Neither the name of the copyright holder nor the names of its contributors may be "
                + "used to endorse")).isEqualTo("BSD-3-Clause");
    }

    @Test
    void mitByItsClausesButNotTheModifiedMitOfKimi() {
        String mit = "Copyright 2024. Permission is hereby granted, free of charge, to any person obtaining a copy of "
                + "this software ... The above copyright notice and this permission notice shall be included in all "
                + "copies.";
        assertThat(id(mit)).isEqualTo("MIT");
        assertThat(id("Modified MIT License\n\n" + mit)).isEqualTo("LicenseRef-kimi-modified-mit");
    }

    @Test
    void unknownTextIsNotGuessed() {
        Optional<LicenseTextMatcher.TextMatch> none = matcher.identify("All rights reserved. Do not copy.");
        assertThat(none).isEmpty();
        assertThat(id("")).isNull();
    }

    @Test
    void normalisationKeepsVersionDotsOnly() {
        assertThat(LicenseText.normalize("  Llama 3.1 -- COMMUNITY\n\tLicense. ")).isEqualTo("llama 3.1 community license");
    }
}

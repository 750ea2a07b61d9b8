package io.modelgate.sbom.spdx;

import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpdxGraphNamesTest {

    @Test
    void localNamesAreMadeSafeAsARegexReplacementMakesThem() {
        RandomCases.check(5_000, gen -> gen.oneOf(
                () -> gen.string(40, "aZ09._~-/ !é\uD83D\uDE00\uD800"),
                () -> gen.string(30)), name -> assertThat(SpdxGraph.safeName(name)).as("'%s'", name)
                        .isEqualTo(name.replaceAll("[^A-Za-z0-9._~-]", "_")));
    }

    @Test
    void aSafeNameIsKeptAsItIs() {
        String name = "file-model.safetensors";
        assertThat(SpdxGraph.safeName(name)).isSameAs(name);
        assertThat(SpdxGraph.safeName("a b/c\uD83D\uDE00")).isEqualTo("a_b_c_");
    }
}

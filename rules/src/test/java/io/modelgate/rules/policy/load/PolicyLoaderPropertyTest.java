package io.modelgate.rules.policy.load;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile policy text: the loader returns a policy or located errors, and nothing else escapes. */
class PolicyLoaderPropertyTest {

    private static final PolicyLoader LOADER = new PolicyLoader(KnowledgeBaseLoader.builtIn());
    private static final String SAMPLE = Profiles.text("default") + """
            approvedModels:
              - {digest: "sha256:%s", approvedBy: a, approvedOn: 2026-01-01}
            """.formatted("a".repeat(64));

    @Property(tries = 300, seed = "20261202")
    void arbitraryTextLoadsOrFailsWithLocatedErrors(@ForAll @StringLength(max = 200) String text) {
        parse(text);
    }

    @Property(tries = 300, seed = "20261202")
    void mutatedPoliciesLoadOrFailWithLocatedErrors(@ForAll @IntRange(min = 0, max = 4000) int at,
                                                    @ForAll("edits") String edit,
                                                    @ForAll @IntRange(min = 0, max = 20) int cut) {
        int pos = Math.min(at, SAMPLE.length());
        int end = Math.min(SAMPLE.length(), pos + cut);
        parse(SAMPLE.substring(0, pos) + edit + SAMPLE.substring(end));
    }

    @Provide
    Arbitrary<String> edits() {
        return Arbitraries.oneOf(Arbitraries.of("", ":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!binary ", "\t",
                "\n  ", "\"", "'", "---\n", "? ", "|\n", "~", "0x1F", "2027-13-45", "<<: *a\n"),
                Arbitraries.strings().ofMaxLength(8));
    }

    private static void parse(String text) {
        try {
            assertThat(LOADER.parse(text, "p.yaml", null)).isNotNull();
        } catch (PolicyException e) {
            assertThat(e.errors()).isNotEmpty();
            assertThat(e.errors()).allSatisfy(err -> {
                assertThat(err.message()).isNotBlank().doesNotContain("Exception");
                assertThat(err.line()).isGreaterThanOrEqualTo(0);
            });
        }
    }
}

package io.modelgate.rules.policy.load;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.testkit.Gen;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile policy text: the loader returns a policy or located errors, and nothing else escapes. */
class PolicyLoaderPropertyTest {

    private static final PolicyLoader LOADER = new PolicyLoader(KnowledgeBaseLoader.builtIn());
    private static final String SAMPLE = Profiles.text("default") + """
            approvedModels:
              - {digest: "sha256:%s", approvedBy: a, approvedOn: 2026-01-01}
            """.formatted("a".repeat(64));

    private static final int CASES = 300;
    private static final String[] EDITS = {"", ":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!binary ", "\t",
        "\n  ", "\"", "'", "---\n", "? ", "|\n", "~", "0x1F", "2027-13-45", "<<: *a\n"};

    @Test
    void arbitraryTextLoadsOrFailsWithLocatedErrors() {
        RandomCases.check(CASES, gen -> gen.string(200), PolicyLoaderPropertyTest::parse);
    }

    @Test
    void mutatedPoliciesLoadOrFailWithLocatedErrors() {
        RandomCases.check(CASES, PolicyLoaderPropertyTest::mutatedSample, PolicyLoaderPropertyTest::parse);
    }

    /** The sample policy with up to 20 chars at any place replaced by YAML syntax or short text. */
    static String mutatedSample(Gen gen) {
        int at = gen.intBetween(0, 4000);
        String edit = gen.oneOf(() -> gen.of(EDITS), () -> gen.string(8));
        int cut = gen.intBetween(0, 20);
        int pos = Math.min(at, SAMPLE.length());
        int end = Math.min(SAMPLE.length(), pos + cut);
        return SAMPLE.substring(0, pos) + edit + SAMPLE.substring(end);
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

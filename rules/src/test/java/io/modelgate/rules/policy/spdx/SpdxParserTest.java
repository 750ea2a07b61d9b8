package io.modelgate.rules.policy.spdx;

import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpdxParserTest {

    private final SpdxParser parser = new SpdxParser(SpdxIds.standard());

    @Test
    void andBindsTighterThanOr() {
        SpdxExpression e = parser.parse("MIT OR Apache-2.0 AND BSD-3-Clause");
        assertThat(e).isInstanceOf(SpdxExpression.Or.class);
        assertThat(((SpdxExpression.Or) e).parts().get(1)).isInstanceOf(SpdxExpression.And.class);
        assertThat(e.toString()).isEqualTo("MIT OR (Apache-2.0 AND BSD-3-Clause)");
    }

    @Test
    void parenthesesWithExceptionsAndOrLater() {
        SpdxExpression e = parser.parse("(gpl-2.0-only WITH classpath-exception-2.0 OR MIT) AND LGPL-2.1+");
        assertThat(e.toString()).isEqualTo("(GPL-2.0-only WITH Classpath-exception-2.0 OR MIT) AND LGPL-2.1+");
    }

    @Test
    void licenseRefsAreAcceptedAsWritten() {
        assertThat(parser.parse("LicenseRef-llama3.1").toString()).isEqualTo("LicenseRef-llama3.1");
        assertThat(parser.parse("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2")).isInstanceOf(
                SpdxExpression.License.class);
    }

    @Test
    void errorsNameTheToken() {
        for (List<String> c : List.of(
                List.of("", "empty license expression"),
                List.of("MIT AND", "ends where a license id is expected"),
                List.of("(MIT", "ends where ')' is expected"),
                List.of("MIT)", "unexpected ')'"),
                List.of("MIT Apache-2.0", "unexpected 'Apache-2.0'"),
                List.of("MIT or Apache-2.0", "must be written OR"),
                List.of("AND MIT", "expected a license id, found 'AND'"),
                List.of("Apache 2.0", "unknown SPDX license id 'Apache'"),
                List.of("MIT WITH Foo-exception", "unknown SPDX license exception 'Foo-exception'"),
                List.of("M!T", "'M!T' is not a license id"))) {
            assertThatThrownBy(() -> parser.parse(c.get(0))).as(c.get(0)).isInstanceOf(SpdxException.class)
                    .hasMessageContaining(c.get(1));
        }
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "(".repeat(40) + "MIT" + ")".repeat(40);
        assertThatThrownBy(() -> parser.parse(deep)).hasMessageContaining("nested deeper");
    }

    @Test
    void anyTextParsesOrFailsWithAMessage() {
        RandomCases.check(500, gen -> gen.string(60), text -> {
            try {
                SpdxExpression e = SpdxParser.lenient().parse(text);
                assertThat(SpdxParser.lenient().parse(e.toString()).toString()).isEqualTo(e.toString());
            } catch (SpdxException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        });
    }
}

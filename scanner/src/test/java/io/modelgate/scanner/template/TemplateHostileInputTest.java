package io.modelgate.scanner.template;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.testing.TestContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateHostileInputTest {

    private static FileCollector inspect(String template) throws Exception {
        FileCollector collector = new FileCollector();
        ChatTemplateInspector.inspect(template, TestContexts.context("t", collector), "chat template");
        return collector;
    }

    @Test
    void tenMegabyteSingleLineTemplateIsALimitNotACrash() throws Exception {
        String template = "{{ 'a' ~ x }}".repeat(10 * 1024 * 1024 / 13) + "{{ lipsum.__globals__ }}";

        FileCollector collector = inspect(template);

        assertThat(collector.incompleteReasons()).isNotEmpty();
        assertThat(TestContexts.ruleIds(collector)).contains("MG-GEN-002", "MG-TPL-001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{ x", "{% if x %}", "{% for x in y %}{% endif %}", "{{ 'abc }}", "{# open",
            "{% raw %}abc", "{{ (x }}", "{{ x ]] }}", "{% endfor %}", "{% bogus %}", "{{ a.__class__ ", "{% else %}"})
    void malformedTemplatesAreIncomplete(String template) throws Exception {
        FileCollector collector = inspect(template);

        assertThat(collector.incompleteReasons()).isNotEmpty();
    }

    @Test
    void payloadInAnUnparsableTemplateIsStillReported() throws Exception {
        FileCollector collector = inspect("{{ cycler.__init__.__globals__.os.popen('id').read() ");

        assertThat(TestContexts.ruleIds(collector)).contains("MG-TPL-001", "MG-GEN-001");
    }

    @Test
    void tenThousandNestedBlocksHitTheNestingLimit() throws Exception {
        String template = "{% if x %}".repeat(10_000) + "{% endif %}".repeat(10_000);

        FileCollector collector = inspect(template);

        assertThat(TestContexts.ruleIds(collector)).contains("MG-GEN-002");
    }

    @Test
    void tenThousandNestedParenthesesHitTheNestingLimit() throws Exception {
        String template = "{{ " + "(".repeat(10_000) + "x" + ")".repeat(10_000) + " }}";

        FileCollector collector = inspect(template);

        assertThat(TestContexts.ruleIds(collector)).contains("MG-GEN-002");
    }

    @Test
    void deepUnaryAndFilterChainsStayBounded() throws Exception {
        FileCollector nots = inspect("{{ " + "not ".repeat(10_000) + "x }}");
        FileCollector filters = inspect("{{ x" + "|trim".repeat(50_000) + " }}");
        FileCollector concat = inspect("{{ " + "'a' ~ ".repeat(50_000) + "'b' }}");

        assertThat(TestContexts.ruleIds(nots)).contains("MG-GEN-002");
        assertThat(filters.findings()).isEmpty();
        assertThat(concat.findings()).isEmpty();
    }

    @Test
    void selfReferencingAssignmentsDoNotExplode() throws Exception {
        String template = "{% set m = m[1:] %}".repeat(200) + "{{ m|attr(m) }}";

        FileCollector collector = inspect(template);

        assertThat(TestContexts.ruleIds(collector)).containsExactly("MG-TPL-003");
    }
}

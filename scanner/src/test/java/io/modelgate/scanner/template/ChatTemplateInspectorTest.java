package io.modelgate.scanner.template;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.Severity;
import io.modelgate.scanner.testing.TestContexts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ChatTemplateInspectorTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "templates");

    static Stream<Path> benign() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve("benign"))) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("benign")
    void publishedTemplateShapesAreClean(Path file) throws IOException {
        FileCollector collector = new FileCollector();
        TemplateInspection result = ChatTemplateInspector.inspect(read(file),
                TestContexts.context(file.getFileName().toString(), collector), "chat template");

        assertThat(collector.findings()).isEmpty();
        assertThat(collector.incompleteReasons()).isEmpty();
        assertThat(result.parsed()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "cycler-globals-popen.jinja, MG-TPL-001",
            "lipsum-globals.jinja, MG-TPL-001",
            "class-mro-subclasses.jinja, MG-TPL-001",
            "attr-filter.jinja, MG-TPL-001",
            "concatenated-name.jinja, MG-TPL-001",
            "request-attr.jinja, MG-TPL-001",
            "joined-name-variable.jinja, MG-TPL-001",
            "char-format.jinja, MG-TPL-001",
            "reversed-name.jinja, MG-TPL-001",
            "dynamic-attr.jinja, MG-TPL-003",
            "template-reference-context.jinja, MG-TPL-001",
            "dict-keyword-name.jinja, MG-TPL-001",
            "format-field.jinja, MG-TPL-001",
            "namespace-dunder.jinja, MG-TPL-001",
            "qwen-hidden-payload.jinja, MG-TPL-001",
            "llama3-hidden-branch.jinja, MG-TPL-001",
            "map-attribute.jinja, MG-TPL-001",
            "sliced-name.jinja, MG-TPL-001",
    })
    void injectionPayloadsAreCaught(String name, String expectedRule) throws IOException {
        FileCollector collector = new FileCollector();
        ChatTemplateInspector.inspect(read(FIXTURES.resolve("malicious").resolve(name)),
                TestContexts.context(name, collector), "chat template");

        assertThat(TestContexts.ruleIds(collector)).contains(expectedRule);
        assertThat(TestContexts.atLeast(collector, Severity.HIGH)).isNotEmpty();
        assertThat(collector.incompleteReasons()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "{{ cycler.__init__.__globals__.os.popen('id').read() }} => MG-TPL-002",
            "{{ x.system('id') }} => MG-TPL-002",
            "{{ lipsum.foo }} => MG-TPL-004",
            "{{ config.items() }} => MG-TPL-004",
            "{% set a = '__glob' + 'als__' %}{{ a }} => MG-TPL-005",
            "{{ m._private }} => MG-TPL-006",
            "{{ m['_' ~ 'x'] }} => MG-TPL-006",
            "{{ m[('_' * 2) ~ 'class' ~ ('_' * 2)] }} => MG-TPL-001",
            "{{ m['{}{}'.format('__cla', 'ss__')] }} => MG-TPL-001",
            "{{ m|attr('popen') }} => MG-TPL-002",
            "{{ m[key ~ 'x'] }} => MG-TPL-003",
            "{{ ''.__class__ }} => MG-TPL-001",
            "{{ m|selectattr('__class__') }} => MG-TPL-001",
            "{{ m|map('attr', '__dict__') }} => MG-TPL-001",
            "{{ __builtins__ }} => MG-TPL-001",
    })
    void singleConstructs(String template, String expectedRule) throws IOException {
        FileCollector collector = new FileCollector();
        ChatTemplateInspector.inspect(template, TestContexts.context("t", collector), "chat template");

        assertThat(TestContexts.ruleIds(collector)).contains(expectedRule);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "{{ messages[i]['content'] }}",
            "{% set ns = namespace(found=false) %}{% set ns.found = true %}{{ ns.found }}",
            "{% for k, v in d|items %}{{ k ~ '=' ~ v|tojson }}{% endfor %}",
            "{{ range(3)|list|length }}{{ dict(a=1)|tojson }}{{ loop is defined }}",
            "{% set system = 'x' %}{{ message.read_only }}{{ tools|map(attribute='function.name')|join(', ') }}",
            "{{ strftime_now('%Y') }}{{ 'a-b'.split('-')[0] }}{{ x is divisibleby 3 }}{{ x is not none }}",
            "{%- if a -%}{{ b }}{%+ else +%}c{%- endif -%}",
            "{# {{ __class__ }} in a comment #}{% raw %}{{ __globals__ }}{% endraw %}",
    })
    void ordinaryConstructsAreClean(String template) throws IOException {
        FileCollector collector = new FileCollector();
        TemplateInspection result = ChatTemplateInspector.inspect(template, TestContexts.context("t", collector),
                "chat template");

        assertThat(collector.findings()).isEmpty();
        assertThat(result.parsed()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void piecesOfAConsumedNameAreNotReportedAgain() throws IOException {
        FileCollector collector = new FileCollector();
        ChatTemplateInspector.inspect("{{ joiner|attr('_' ~ '_in' ~ 'it_' ~ '_') }}", TestContexts.context("t", collector),
                "chat template");

        assertThat(TestContexts.ruleIds(collector)).containsExactly("MG-TPL-001", "MG-TPL-004");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

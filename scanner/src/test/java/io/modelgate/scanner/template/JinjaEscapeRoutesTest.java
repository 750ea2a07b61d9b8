package io.modelgate.scanner.template;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.TestContexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way a template can spell a dunder or a sandbox-escaping name, and Jinja found under any name. */
class JinjaEscapeRoutesTest {

    private static FileCollector inspect(String template) throws Exception {
        FileCollector collector = new FileCollector();
        ChatTemplateInspector.inspect(template, TestContexts.context("t", collector), "chat template");
        return collector;
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "{% set n %}__class__{% endset %}{{ x|attr(n) }} => MG-TPL-001",
            "{% set n %}__cla{% endset %}{% set m %}{{ n }}ss__{% endset %}{{ x[m] }} => MG-TPL-001",
            "{% set n | replace('X', '_') %}XXglobalsXX{% endset %}{{ x|attr(n) }} => MG-TPL-001",
            "{% set n | reverse %}__ssalc__{% endset %}{{ x[n] }} => MG-TPL-001",
            "{{ x['\\N{LOW LINE}\\N{LOW LINE}class\\N{low line}\\N{LOW LINE}'] }} => MG-TPL-001",
            "{{ x['\\x5f\\x5fclass\\x5f\\x5f'] }} => MG-TPL-001",
            "{{ x['\\u005f\\u005fclass\\u005f\\u005f'] }} => MG-TPL-001",
            "{{ x['\\137\\137class\\137\\137'] }} => MG-TPL-001",
            "{% set u = '_' %}{{ x|attr(u * 2 ~ 'init' ~ u * 2) }} => MG-TPL-001",
            "{{ x|attr(['__', 'globals', '__']|join) }} => MG-TPL-001",
            "{{ x|attr('%s%sclass%s%s' % ('_', '_', '_', '_')) }} => MG-TPL-001",
            "{{ x|attr('%s%sclass%s%s'|format('_', '_', '_', '_')) }} => MG-TPL-001",
            "{{ x|attr('{0}{0}class{0}{0}'.format('_')) }} => MG-TPL-001",
            "{{ x|map(attribute='__class__')|list }} => MG-TPL-001",
            "{{ x|selectattr('__globals__') }} => MG-TPL-001",
            "{% set k = request.args.k %}{{ x[k ~ '_'] }} => MG-TPL-003",
    })
    void namesBuiltInAnyWayAreFolded(String template, String expectedRule) throws Exception {
        assertThat(TestContexts.ruleIds(inspect(template))).contains(expectedRule);
    }

    @Test
    void ordinaryBlockSetsStayClean() throws Exception {
        FileCollector collector = inspect("{%- set system %}You are a helpful assistant.{% if tools %} Tools: "
                + "{{ tools|tojson }}{% endif %}{% endset -%}{{ '<|system|>' ~ system }}"
                + "{% set header | trim %}  <start_of_turn>{{ role }}  {% endset %}{{ header }}");
        assertThat(collector.findings()).isEmpty();
        assertThat(collector.incompleteReasons()).isEmpty();
    }

    @Test
    void jinjaUnderAnyNameIsFoundByContent() {
        byte[] html = ("<html>{% extends 'base.html' %}{% block body %}"
                + "{{ lipsum.__globals__['os'].popen('id').read() }}{% endblock %}</html>")
                .getBytes(StandardCharsets.UTF_8);
        FileCollector result = ArtifactScan.scan("page.html", html);
        assertThat(result.format().id()).isEqualTo("jinja");
        assertThat(result.findings()).extracting(Finding::ruleId).contains("MG-TPL-001", "MG-TPL-002");
    }

    @Test
    void webTemplatesAndOtherTemplateLanguagesFoundByContentAreNotChatTemplateFindings() {
        byte[] flask = ("{% extends 'layout.html' %}{% block content %}<a href=\"{{ url_for('index') }}\">"
                + "{{ config['SITE_NAME'] }}</a>{% set field = column[1:] %}{{ record[field] }}{% endblock %}")
                .getBytes(StandardCharsets.UTF_8);
        FileCollector web = ArtifactScan.scan("index.html", flask);
        assertThat(web.findings()).isEmpty();
        assertThat(web.facts()).containsEntry("template.parsed", true);

        byte[] django = "{% load static %}{% if user %}{% url 'home' %}{{ user.name }}{% endif %}"
                .getBytes(StandardCharsets.UTF_8);
        FileCollector other = ArtifactScan.scan("home.html", django);
        assertThat(other.findings()).isEmpty();
        assertThat(other.incompleteReasons()).isEmpty();
        assertThat(other.facts()).containsEntry("template.parsed", false);
    }

    @Test
    void pythonHoldingATemplateStringStaysPython() {
        byte[] source = ("TEMPLATE = \"{% for m in messages %}{{ m.content }}{% endfor %}\"\n"
                + "import os\nos.system('id')\n").getBytes(StandardCharsets.UTF_8);
        FileCollector result = ArtifactScan.scan("render.py", source);
        assertThat(result.format().id()).isEqualTo("python");
    }
}

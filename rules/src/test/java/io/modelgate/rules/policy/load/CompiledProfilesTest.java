package io.modelgate.rules.policy.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Built-in profiles are read from JSON compiled at build time; they must read exactly as their YAML. */
class CompiledProfilesTest {

    private static final PolicyLoader LOADER = new PolicyLoader(KnowledgeBaseLoader.builtIn());

    @Test
    void eachProfileReadsAsItsYaml() throws Exception {
        for (String name : Profiles.names()) {
            assertThat(Profiles.load(name, LOADER)).as(name)
                    .isEqualTo(LOADER.parse(Profiles.text(name), name, null));
        }
    }

    @Test
    void aChangedValueInTheCompiledTreeReadsDifferently() throws Exception {
        String json = Profiles.compiled("strict");
        assertThat(json).contains("\"failOn\":\"medium\"");
        assertThat(LOADER.parseCompiled(json.replace("\"failOn\":\"medium\"", "\"failOn\":\"high\""), "strict"))
                .isNotEqualTo(Profiles.load("strict", LOADER));
    }

    @Test
    void booleansSpelledOtherwiseThanTrueOrFalseAreNotCompiled() throws Exception {
        String canonical = "version: 1\ngate: {failOn: high, strict: true, allowIncomplete: false}\n";
        assertThat(LOADER.parseCompiled(json(YamlTree.read(canonical)), "p")).isEqualTo(LOADER.parse(canonical, "p", null));
        assertThatThrownBy(() -> json(YamlTree.read("version: 1\ngate: {strict: yes}\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'yes' at line 2");
    }

    /** Over edited policies: the JSON of a YAML tree reads back as the same tree, or not at all, never otherwise. */
    @Test
    void aTreeWrittenAsJsonReadsBackTheSameOrFails() {
        RandomCases.check(400, PolicyLoaderPropertyTest::mutatedSample, text -> {
            Node yaml;
            try {
                yaml = YamlTree.read(text);
            } catch (PolicyException e) {
                return;
            }
            if (yaml == null) {
                return;
            }
            String json;
            try {
                json = json(yaml);
            } catch (IllegalArgumentException e) {
                return;   // a boolean spelled NO or on: refused, never written differently
            }
            try {
                assertThat(plain(YamlTree.readJson(json))).isEqualTo(plain(yaml));
            } catch (PolicyException e) {
                assertThat(e.errors()).isNotEmpty();
            }
        });
    }

    private static String json(Node tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
            YamlTree.writeJson(tree, generator);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    /** The tree without its marks: maps, lists and typed scalars. */
    private static Object plain(Node node) {
        if (node instanceof Node.MapNode map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.entries().forEach((key, entry) -> out.put(key, plain(entry.value())));
            return out;
        }
        if (node instanceof Node.ListNode list) {
            List<Object> out = new ArrayList<>();
            list.items().forEach(item -> out.add(plain(item)));
            return out;
        }
        Node.Scalar scalar = (Node.Scalar) node;
        return scalar.type() == Node.ScalarType.NULL ? "null" : scalar.type() + ":" + scalar.text();
    }
}

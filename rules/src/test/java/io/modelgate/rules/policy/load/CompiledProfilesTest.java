package io.modelgate.rules.policy.load;

import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.rules.policy.Policy;
import io.modelgate.scanner.model.Severity;
import io.modelgate.scanner.data.CompactTree;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Built-in profiles are read from trees compiled at build time; they must read exactly as their YAML. */
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
    @SuppressWarnings("unchecked")
    void aChangedValueInTheCompiledTreeReadsDifferently() throws Exception {
        Map<String, Object> tree = (Map<String, Object>) CompactTree.read(Profiles.compiled("strict"));
        Map<String, Object> gate = (Map<String, Object>) tree.get("gate");
        assertThat(gate.put("failOn", "high")).isEqualTo("medium");
        Policy changed = LOADER.parseCompiled(CompactTree.write(tree), "strict");
        assertThat(changed).isNotEqualTo(Profiles.load("strict", LOADER));
        assertThat(changed.gate().failOn()).isEqualTo(Severity.HIGH);
    }

    @Test
    void booleansSpelledOtherwiseThanTrueOrFalseAreNotCompiled() throws Exception {
        String canonical = "version: 1\ngate: {failOn: high, strict: true, allowIncomplete: false}\n";
        assertThat(LOADER.parseCompiled(compiled(YamlTree.read(canonical)), "p")).isEqualTo(LOADER.parse(canonical, "p", null));
        assertThatThrownBy(() -> compiled(YamlTree.read("version: 1\ngate: {strict: yes}\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'yes' at line 2");
    }

    /** Over edited policies: a YAML tree compiled reads back as the same tree, or is refused, never otherwise. */
    @Test
    void aCompiledTreeReadsBackTheSameOrIsRefused() {
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
            byte[] compiled;
            try {
                compiled = compiled(yaml);
            } catch (IllegalArgumentException e) {
                return;   // a boolean spelled NO or on: refused, never written differently
            }
            try {
                assertThat(plain(YamlTree.readCompact(compiled))).isEqualTo(plain(yaml));
            } catch (PolicyException e) {
                throw new AssertionError("a compiled tree did not read back: " + e.getMessage(), e);
            }
        });
    }

    private static byte[] compiled(Node tree) {
        return CompactTree.write(YamlTree.compact(tree));
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

package io.modelgate.provenance.kb;

import io.modelgate.scanner.data.CompactTree;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the built-in knowledge base as the build compiled it ({@link KnowledgeBaseCompiler}) into the shipped
 * data's compact tree form. Binding through databind took most of the 300 ms of a cold load (introspecting six
 * record types), and a streaming JSON parser still half of what is left of a small scan's start-up (its own
 * set-up and tokenising, run once and interpreted). The files are the build's own output, checked when they were
 * compiled; this reader is still strict (an unknown field or a wrong type is an error), and a test holds it to
 * databind's result.
 */
final class CompiledKbReader {

    // The field names each record may have.
    private static final Set<String> ROOT_FIELDS = Set.of("kbVersion", "families", "licenses");
    private static final Set<String> FAMILY_FIELDS = Set.of("id", "name", "publisher", "country", "orgs",
            "namePatterns", "license", "licenses", "architectures", "generations", "signals", "extend", "builtOn",
            "sources");
    private static final Set<String> GENERATION_FIELDS = Set.of("id", "namePatterns", "license", "sizeLicenses",
            "signals");
    private static final Set<String> SIGNAL_FIELDS = Set.of("on", "value", "weight", "note");
    private static final Set<String> LICENSE_FIELDS = Set.of("id", "name", "aliases", "commercialUse", "kind",
            "obligations", "titles", "phrases", "minPhrases", "excludes");

    private CompiledKbReader() {
    }

    static KbDocument read(InputStream in) throws IOException {
        Fields root = new Fields(CompactTree.read(in.readAllBytes()), "knowledge base");
        root.only(ROOT_FIELDS);
        return new KbDocument(root.text("kbVersion"), root.list("families", CompiledKbReader::family),
                root.list("licenses", CompiledKbReader::license));
    }

    private static FamilyDef family(Fields f) {
        f.only(FAMILY_FIELDS);
        return new FamilyDef(f.text("id"), f.text("name"), f.text("publisher"), f.text("country"), f.texts("orgs"),
                f.texts("namePatterns"), f.text("license"), f.texts("licenses"), f.texts("architectures"),
                f.list("generations", CompiledKbReader::generation), f.list("signals", CompiledKbReader::signal),
                f.flag("extend"), f.texts("builtOn"), f.texts("sources"));
    }

    private static GenerationDef generation(Fields f) {
        f.only(GENERATION_FIELDS);
        return new GenerationDef(f.text("id"), f.texts("namePatterns"), f.text("license"), f.textMap("sizeLicenses"),
                f.list("signals", CompiledKbReader::signal));
    }

    private static SignalDef signal(Fields f) {
        f.only(SIGNAL_FIELDS);
        String on = f.text("on");
        return new SignalDef(on == null ? null : SignalKind.valueOf(on.toUpperCase(Locale.ROOT)), f.text("value"),
                f.number("weight"), f.text("note"));
    }

    private static LicenseDef license(Fields f) {
        f.only(LICENSE_FIELDS);
        return new LicenseDef(f.text("id"), f.text("name"), f.texts("aliases"), f.text("commercialUse"),
                f.text("kind"), f.texts("obligations"), f.texts("titles"), f.texts("phrases"),
                (int) f.number("minPhrases"), f.texts("excludes"));
    }

    /** One map's fields, read by type; a field of the wrong type is an error, a missing one absent. */
    private record Fields(Map<String, Object> values, String what) {

        Fields(Object value, String what) {
            this(requireMap(value, what), what);
        }

        private static Map<String, Object> requireMap(Object value, String what) {
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalStateException(what + " is not an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            return fields;
        }

        void only(Set<String> known) {
            for (String name : values.keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalStateException("unknown field '" + name + "' in " + what);
                }
            }
        }

        String text(String name) {
            return typed(name, String.class);
        }

        double number(String name) {
            CompactTree.NumberText value = typed(name, CompactTree.NumberText.class);
            return value == null ? 0 : Double.parseDouble(value.text());
        }

        boolean flag(String name) {
            Boolean value = typed(name, Boolean.class);
            return value != null && value;
        }

        List<String> texts(String name) {
            List<?> items = typed(name, List.class);
            if (items == null) {
                return null;
            }
            List<String> texts = new ArrayList<>(items.size());
            for (Object item : items) {
                if (!(item instanceof String text)) {
                    throw new IllegalStateException("'" + name + "' in " + what + " holds a non-string");
                }
                texts.add(text);
            }
            return texts;
        }

        Map<String, String> textMap(String name) {
            Map<?, ?> map = typed(name, Map.class);
            if (map == null) {
                return null;
            }
            Map<String, String> texts = new LinkedHashMap<>();
            map.forEach((key, value) -> {
                if (!(value instanceof String text)) {
                    throw new IllegalStateException("'" + name + "' in " + what + " holds a non-string");
                }
                texts.put((String) key, text);
            });
            return texts;
        }

        <T> List<T> list(String name, Function<Fields, T> item) {
            List<?> items = typed(name, List.class);
            if (items == null) {
                return null;
            }
            List<T> out = new ArrayList<>(items.size());
            for (Object value : items) {
                out.add(item.apply(new Fields(value, name + " in " + what)));
            }
            return out;
        }

        private <T> T typed(String name, Class<T> type) {
            Object value = values.get(name);
            if (value != null && !type.isInstance(value)) {
                throw new IllegalStateException("'" + name + "' in " + what + " is not a " + type.getSimpleName());
            }
            return type.cast(value);
        }
    }
}

package io.modelgate.provenance.kb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

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
 * Reads the built-in knowledge base as the build compiled it ({@link KnowledgeBaseCompiler}) with the streaming
 * parser alone. Binding through databind took most of the 300 ms of a cold load (introspecting six record types),
 * and every scan pays it at start-up. The files are the build's own output, checked when they were compiled; this
 * reader is still strict (an unknown field or a wrong type is an error), and a test holds it to databind's result.
 */
final class CompiledKbReader {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int MAX_DEPTH = 16;

    private CompiledKbReader() {
    }

    static KbDocument read(InputStream in) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a knowledge base file holds one JSON object");
            }
            Fields root = new Fields(tree(parser, 0), "knowledge base");
            root.only(Set.of("kbVersion", "families", "licenses"));
            return new KbDocument(root.text("kbVersion"), root.list("families", CompiledKbReader::family),
                    root.list("licenses", CompiledKbReader::license));
        }
    }

    private static FamilyDef family(Fields f) {
        f.only(Set.of("id", "name", "publisher", "country", "orgs", "namePatterns", "license", "licenses",
                "architectures", "generations", "signals", "extend", "builtOn", "sources"));
        return new FamilyDef(f.text("id"), f.text("name"), f.text("publisher"), f.text("country"), f.texts("orgs"),
                f.texts("namePatterns"), f.text("license"), f.texts("licenses"), f.texts("architectures"),
                f.list("generations", CompiledKbReader::generation), f.list("signals", CompiledKbReader::signal),
                f.flag("extend"), f.texts("builtOn"), f.texts("sources"));
    }

    private static GenerationDef generation(Fields f) {
        f.only(Set.of("id", "namePatterns", "license", "sizeLicenses", "signals"));
        return new GenerationDef(f.text("id"), f.texts("namePatterns"), f.text("license"), f.textMap("sizeLicenses"),
                f.list("signals", CompiledKbReader::signal));
    }

    private static SignalDef signal(Fields f) {
        f.only(Set.of("on", "value", "weight", "note"));
        String on = f.text("on");
        return new SignalDef(on == null ? null : SignalKind.valueOf(on.toUpperCase(Locale.ROOT)), f.text("value"),
                f.number("weight"), f.text("note"));
    }

    private static LicenseDef license(Fields f) {
        f.only(Set.of("id", "name", "aliases", "commercialUse", "kind", "obligations", "titles", "phrases",
                "minPhrases", "excludes"));
        return new LicenseDef(f.text("id"), f.text("name"), f.texts("aliases"), f.text("commercialUse"),
                f.text("kind"), f.texts("obligations"), f.texts("titles"), f.texts("phrases"),
                (int) f.number("minPhrases"), f.texts("excludes"));
    }

    /** The value at the parser's current token: maps, lists, strings, numbers, booleans and nulls. */
    private static Object tree(JsonParser parser, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("knowledge base nested deeper than " + MAX_DEPTH);
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (map.put(name, tree(parser, depth + 1)) != null) {
                        throw new IOException("duplicate field '" + name + "'");
                    }
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(tree(parser, depth + 1));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + token + " in a knowledge base file");
        }
    }

    /** One JSON object's fields, read by type; a field of the wrong type is an error, a missing one absent. */
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
            Double value = typed(name, Double.class);
            return value == null ? 0 : value;
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

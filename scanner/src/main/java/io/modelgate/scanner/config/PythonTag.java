package io.modelgate.scanner.config;

import java.util.Optional;
import java.util.Set;

/**
 * A PyYAML Python tag and where it sits. Data tags ({@code !!python/tuple}, {@code !!python/str}, ...) build plain
 * values and are not kept; the constructing tags import what they name and build or call it.
 *
 * @param kind     {@code object/apply}, {@code object/new}, {@code object}, {@code name} or {@code module};
 *                 {@code unknown} for a python tag PyYAML has no constructor for
 * @param target   the dotted name after the colon (empty for an unknown tag)
 * @param keyPath  where the tagged node is
 * @param argument a bounded rendering of the tagged node (the call's arguments)
 */
record PythonTag(String kind, String target, String keyPath, String argument) {

    static final String PREFIX = "tag:yaml.org,2002:python/";
    private static final Set<String> DATA = Set.of("none", "bool", "str", "unicode", "bytes", "int", "long", "float",
            "complex", "list", "tuple", "dict");
    private static final String[] CONSTRUCTING = {"object/apply:", "object/new:", "object:", "name:", "module:"};

    /** The constructing tag a resolved tag string is, or empty for data tags and tags of other kinds. */
    static Optional<PythonTag> of(String tag, String keyPath, String argument) {
        if (tag == null || !tag.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String suffix = tag.substring(PREFIX.length());
        if (DATA.contains(suffix)) {
            return Optional.empty();
        }
        for (String kind : CONSTRUCTING) {
            if (suffix.startsWith(kind)) {
                return Optional.of(new PythonTag(kind.substring(0, kind.length() - 1), suffix.substring(kind.length()),
                        keyPath, argument));
            }
        }
        return Optional.of(new PythonTag("unknown", "", keyPath, suffix));
    }
}

package io.modelgate.rules.policy.load;

import io.modelgate.rules.policy.Effect;
import io.modelgate.scanner.model.Severity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Typed, checked access to one map of the policy file. A wrong type, a bad value or an unknown key is
 * recorded with its position; the accessor then returns the default so that checking goes on.
 */
final class Section {

    private final String path;
    private final Node.MapNode map;
    private final Node.Mark mark;
    private final Problems problems;

    Section(String path, Node.MapNode map, Node.Mark mark, Problems problems) {
        this.path = path;
        this.map = map;
        this.mark = mark;
        this.problems = problems;
    }

    /** A section for a node that must be a map; an absent or mistyped node gives an empty section. */
    static Section of(String path, Node node, Node.Mark where, Problems problems) {
        if (node instanceof Node.MapNode m) {
            return new Section(path, m, m.mark(), problems);
        }
        if (node != null && !isNull(node)) {
            problems.add(node.mark(), where(path) + "must be a map of keys, not " + node.kind());
        }
        return new Section(path, null, node == null ? where : node.mark(), problems);
    }

    Node.Mark mark() {
        return mark;
    }

    boolean present() {
        return map != null;
    }

    boolean has(String key) {
        return map != null && map.entries().containsKey(key) && !isNull(map.entries().get(key).value());
    }

    /** Records every key not in {@code allowed}, naming the keys that are. */
    void onlyKeys(String... allowed) {
        if (map == null) {
            return;
        }
        List<String> known = Arrays.asList(allowed);
        for (Node.Entry entry : map.entries().values()) {
            if (!known.contains(entry.key())) {
                String near = known.stream().filter(k -> k.equalsIgnoreCase(entry.key())).findFirst()
                        .map(k -> " (did you mean '" + k + "'?)").orElse("");
                problems.add(entry.keyMark(), "unknown key '" + entry.key() + "' " + in() + near
                        + "; expected one of: " + String.join(", ", known));
            }
        }
    }

    Section section(String key) {
        Node node = node(key);
        return Section.of(child(key), node, mark, problems);
    }

    Node node(String key) {
        if (map == null) {
            return null;
        }
        Node.Entry entry = map.entries().get(key);
        return entry == null ? null : entry.value();
    }

    String text(String key, String fallback) {
        Node.Scalar scalar = scalar(key, "text");
        return scalar == null ? fallback : scalar.text();
    }

    /** Text that must be given and not blank. */
    String requiredText(String key) {
        Node.Scalar scalar = scalar(key, "text");
        if (scalar == null) {
            if (!has(key) && map != null) {
                problems.add(mark, "'" + key + "' is required " + in());
            }
            return null;
        }
        if (scalar.text().isBlank()) {
            problems.add(scalar.mark(), "'" + child(key) + "' must not be empty");
            return null;
        }
        return scalar.text();
    }

    boolean bool(String key, boolean fallback) {
        Node node = node(key);
        if (node == null || isNull(node)) {
            return fallback;
        }
        if (node instanceof Node.Scalar s && s.type() == Node.ScalarType.BOOLEAN) {
            return s.isTrue();
        }
        problems.add(node.mark(), "'" + child(key) + "' must be true or false, not " + describe(node));
        return fallback;
    }

    Integer integer(String key, Integer fallback, int min, int max) {
        Node node = node(key);
        if (node == null || isNull(node)) {
            return fallback;
        }
        if (node instanceof Node.Scalar s && s.type() == Node.ScalarType.NUMBER) {
            try {
                int value = Integer.parseInt(s.text());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        problems.add(node.mark(), "'" + child(key) + "' must be a whole number from " + min + " to " + max
                + ", not " + describe(node));
        return fallback;
    }

    LocalDate date(String key, boolean required) {
        Node.Scalar scalar = scalar(key, "a date");
        if (scalar == null) {
            if (required && !has(key) && map != null) {
                problems.add(mark, "'" + key + "' is required " + in() + " (a date, YYYY-MM-DD)");
            }
            return null;
        }
        return Values.date(scalar, child(key), problems);
    }

    Effect effect(String key, Effect fallback) {
        Node.Scalar scalar = scalar(key, "text");
        if (scalar == null) {
            return fallback;
        }
        for (Effect effect : Effect.values()) {
            if (effect.id().equals(scalar.text())) {
                return effect;
            }
        }
        problems.add(scalar.mark(), "'" + child(key) + "' must be reject, review or note, not '" + scalar.text()
                + "'");
        return fallback;
    }

    /** A severity, or {@code none} (returned as null). */
    Severity severity(String key, Severity fallback) {
        Node.Scalar scalar = scalar(key, "text");
        if (scalar == null) {
            return fallback;
        }
        if (scalar.text().equals("none")) {
            return null;
        }
        for (Severity severity : Severity.values()) {
            if (severity.id().equals(scalar.text())) {
                return severity;
            }
        }
        problems.add(scalar.mark(), "'" + child(key) + "' must be critical, high, medium, low, info or none, not '"
                + scalar.text() + "'");
        return fallback;
    }

    /** A list of text items, each converted (null from the converter drops an item already reported). */
    <T> List<T> list(String key, Function<Node.Scalar, T> convert) {
        List<T> out = new ArrayList<>();
        for (Node item : items(key)) {
            // YAML 1.1 reads an unquoted NO (Norway) as false: list items are taken as written
            if (item instanceof Node.Scalar s && s.type() != Node.ScalarType.NULL) {
                T value = convert.apply(s);
                if (value != null) {
                    out.add(value);
                }
            } else {
                problems.add(item.mark(), "items of '" + child(key) + "' must be text, not " + describe(item));
            }
        }
        return out;
    }

    /** The items of a list value; a single non-list value is an error. */
    List<Node> items(String key) {
        Node node = node(key);
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (node instanceof Node.ListNode list) {
            return list.items();
        }
        problems.add(node.mark(), "'" + child(key) + "' must be a list (e.g. [a, b]), not " + describe(node));
        return List.of();
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Problems problems() {
        return problems;
    }

    private Node.Scalar scalar(String key, String expected) {
        Node node = node(key);
        if (node == null || isNull(node)) {
            return null;
        }
        if (node instanceof Node.Scalar s) {
            return s;
        }
        problems.add(node.mark(), "'" + child(key) + "' must be " + expected + ", not " + node.kind());
        return null;
    }

    private String in() {
        return path.isEmpty() ? "at the top level" : "in '" + path + "'";
    }

    private static String where(String path) {
        return path.isEmpty() ? "the policy " : "'" + path + "' ";
    }

    static boolean isNull(Node node) {
        return node instanceof Node.Scalar s && s.type() == Node.ScalarType.NULL;
    }

    static String describe(Node node) {
        return node instanceof Node.Scalar s && s.type() != Node.ScalarType.NULL
                ? node.kind() + " '" + s.text() + "'" : node.kind();
    }

    /** Conversions shared by the sections. */
    static final class Values {
        private Values() {
        }

        static LocalDate date(Node.Scalar scalar, String name, Problems problems) {
            try {
                if (scalar.text().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    return LocalDate.parse(scalar.text());
                }
            } catch (DateTimeParseException ignored) {
                // reported below
            }
            problems.add(scalar.mark(), "'" + name + "' must be a date written YYYY-MM-DD, not '" + scalar.text()
                    + "'");
            return null;
        }
    }
}

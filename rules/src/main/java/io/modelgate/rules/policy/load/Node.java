package io.modelgate.rules.policy.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A YAML value with the place it starts in the policy file. */
sealed interface Node {

    Mark mark();

    /** What the node is, for messages: a map, a list, text, a number, true/false or nothing. */
    String kind();

    /** Line and column, both from 1. */
    record Mark(int line, int column) {
    }

    /** A key with its own position and its value. */
    record Entry(String key, Mark keyMark, Node value) {
    }

    record MapNode(Map<String, Entry> entries, Mark mark) implements Node {
        public MapNode {
            entries = new LinkedHashMap<>(entries);
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    record ListNode(List<Node> items, Mark mark) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar; {@code type} is how YAML reads it unquoted, {@code text} as written (NO may be Norway). */
    record Scalar(String text, ScalarType type, Mark mark) implements Node {

        /** YAML 1.1's spellings of true, which the parser reads as true. */
        private static final Set<String> TRUE = Set.of("yes", "true", "on");

        /** A boolean's value as the parser reads it: yes and on are true, whatever the case. */
        boolean isTrue() {
            return type == ScalarType.BOOLEAN && TRUE.contains(text.toLowerCase(Locale.ROOT));
        }

        @Override
        public String kind() {
            return switch (type) {
                case TEXT -> "text";
                case NUMBER -> "a number";
                case BOOLEAN -> "true/false";
                case NULL -> "nothing";
            };
        }
    }

    enum ScalarType { TEXT, NUMBER, BOOLEAN, NULL }
}

package io.modelgate.provenance.identity;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modules an adapter adapts, by the last segment of their names: PEFT's {@code target_modules} (a list of
 * names, or one regular expression whose identifiers are taken) and mlx-lm's {@code lora_parameters.keys}.
 */
final class TargetModules {

    static final int MAX_MODULES = 64;
    /** A module name: an identifier of at least two characters (single letters of a regex are not names). */
    private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]+");
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*");

    private TargetModules() {
    }

    /** The sorted module names of an adapter configuration (empty when it names none), at most {@link #MAX_MODULES}. */
    static SortedSet<String> of(Doc adapter) {
        SortedSet<String> modules = new TreeSet<>();
        names(adapter.get("target_modules"), modules);
        if (adapter.get("lora_parameters") instanceof Map<?, ?> lora) {
            names(lora.get("keys"), modules);
        }
        return modules;
    }

    /** Where the modules were read, as a pointer into the adapter configuration. */
    static String pointer(Doc adapter) {
        return adapter.get("target_modules") != null ? "target_modules" : "lora_parameters/keys";
    }

    private static void names(Object value, SortedSet<String> into) {
        List<?> items = value instanceof List<?> list ? list : value instanceof String s ? List.of(s) : List.of();
        for (Object item : items) {
            if (!(item instanceof String text)) {
                continue;
            }
            if (DOTTED_NAME.matcher(text).matches()) {
                if (into.size() < MAX_MODULES) {
                    into.add(text.substring(text.lastIndexOf('.') + 1));
                }
                continue;
            }
            Matcher identifier = MODULE_NAME.matcher(text);
            while (identifier.find() && into.size() < MAX_MODULES) {
                into.add(identifier.group());
            }
        }
    }
}

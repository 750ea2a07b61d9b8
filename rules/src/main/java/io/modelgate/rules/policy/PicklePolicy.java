package io.modelgate.rules.policy;

import java.util.List;

/**
 * The {@code pickle} section: imports a team has reviewed once. A pattern is a dotted name ({@code
 * mycompany.models.Net}) or a module prefix ending in {@code .*} ({@code mycompany.models.*}, the module and
 * everything below it). Only unknown-import findings are accepted this way; dangerous imports never are.
 */
public record PicklePolicy(List<String> allow) {

    public PicklePolicy {
        allow = List.copyOf(allow);
    }

    public static PicklePolicy none() {
        return new PicklePolicy(List.of());
    }

    /** Whether the resolved global {@code module.name} matches an allow pattern. */
    public boolean allows(String global) {
        if (global == null) {
            return false;
        }
        for (String pattern : allow) {
            if (pattern.endsWith(".*")) {
                if (global.startsWith(pattern.substring(0, pattern.length() - 1))) {
                    return true;
                }
            } else if (global.equals(pattern)) {
                return true;
            }
        }
        return false;
    }
}

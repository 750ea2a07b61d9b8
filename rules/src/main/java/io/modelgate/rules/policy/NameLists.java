package io.modelgate.rules.policy;

import java.util.List;
import java.util.Locale;

/**
 * Allow, deny and review lists of names (countries, publishers, families), compared without regard to case.
 * With an allow list, a name on none of the lists is "unlisted".
 */
public record NameLists(List<String> allow, List<String> deny, List<String> review) {

    public NameLists {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
        review = List.copyOf(review);
    }

    public static NameLists empty() {
        return new NameLists(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return allow.isEmpty() && deny.isEmpty() && review.isEmpty();
    }

    /** Which list the name is on: {@code deny}, {@code review}, {@code allow}, or {@code unlisted} / null. */
    public String listOf(String name) {
        if (contains(deny, name)) {
            return "deny";
        }
        if (contains(review, name)) {
            return "review";
        }
        if (contains(allow, name)) {
            return "allow";
        }
        return allow.isEmpty() ? null : "unlisted";
    }

    private static boolean contains(List<String> list, String name) {
        String wanted = normal(name);
        return list.stream().anyMatch(n -> normal(n).equals(wanted));
    }

    /** Lower case without a trailing parenthesis: "Alibaba Cloud (Qwen team)" is listed as "Alibaba Cloud". */
    public static String normal(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        int paren = lower.indexOf(" (");
        return paren > 0 && lower.endsWith(")") ? lower.substring(0, paren) : lower;
    }
}

package io.modelgate.provenance.identity;

import io.modelgate.provenance.kb.FamilyDef;
import io.modelgate.provenance.kb.GenerationDef;
import io.modelgate.provenance.kb.KnowledgeBase;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps model names and repository ids ({@code org/name}) to families and generations of the knowledge base. */
final class NameResolver {

    private static final Pattern SIZE = Pattern.compile("(?<![\\d.])(\\d+(?:\\.\\d+)?)b(?![a-z])");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    /** Each pattern's literal hint (see {@link LiteralHint}); most names contain none of them. */
    private static final Map<String, Optional<String>> HINTS = new ConcurrentHashMap<>();

    private final KnowledgeBase kb;
    /** Every family's name patterns, looked up once: a scan resolves several names per model unit. */
    private final List<FamilyNames> familyNames;

    NameResolver(KnowledgeBase kb) {
        this.kb = kb;
        this.familyNames = kb.families().stream().map(FamilyNames::of).toList();
    }

    /** A family's name patterns compiled, each with its literal hint (null when it has none). */
    private record FamilyNames(String id, Pattern[] patterns, String[] hints) {

        static FamilyNames of(FamilyDef family) {
            List<String> patterns = family.namePatterns();
            Pattern[] compiled = new Pattern[patterns.size()];
            String[] hints = new String[patterns.size()];
            for (int i = 0; i < compiled.length; i++) {
                compiled[i] = compiled(patterns.get(i));
                hints[i] = hintOf(patterns.get(i));
            }
            return new FamilyNames(family.id(), compiled, hints);
        }

        /** As {@link #matchesAny}, with {@code lower} the name in lower case. */
        boolean matches(String name, String lower) {
            for (int i = 0; i < patterns.length; i++) {
                if (matchesOne(patterns[i], hints[i], name, lower)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Families a name points at: by its organisation id (exact, and only an organisation that publishes a
     * single family of the knowledge base), then by name pattern over the model part (whole words only).
     */
    Set<String> families(String name) {
        Set<String> found = new LinkedHashSet<>();
        if (name == null) {
            return found;
        }
        String repo = Declarations.repoFromUrl(name.trim());
        int slash = repo.indexOf('/');
        String org = slash > 0 ? repo.substring(0, slash) : null;
        String model = slash > 0 ? repo.substring(slash + 1) : repo;
        if (org != null) {
            found.addAll(organisation(org));
        }
        String lower = model.toLowerCase(Locale.ROOT);
        for (FamilyNames family : familyNames) {
            if (family.matches(model, lower)) {
                found.add(family.id());
            }
        }
        return found;
    }

    /**
     * The family an organisation id publishes, exactly (case and the spaces of a title-cased id aside). An
     * organisation listed by several families implies none of them.
     */
    Set<String> organisation(String org) {
        String id = org.trim().replace(' ', '-');
        Set<String> found = new LinkedHashSet<>();
        for (FamilyDef family : kb.families()) {
            if (family.orgs().stream().anyMatch(o -> o.equalsIgnoreCase(id))) {
                found.add(family.id());
            }
        }
        return found.size() == 1 ? found : Set.of();
    }

    /** The generation of {@code family} that a name points at, if any. */
    Optional<GenerationDef> generation(FamilyDef family, String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (GenerationDef generation : family.generations()) {
            if (matchesAny(generation.namePatterns(), name)) {
                return Optional.of(generation);
            }
        }
        return Optional.empty();
    }

    /** Size labels in a name ({@code 7b}, {@code 0.5b}), lower case. */
    static List<String> sizes(String name) {
        List<String> sizes = new ArrayList<>();
        if (name != null) {
            Matcher m = SIZE.matcher(name.toLowerCase(Locale.ROOT));
            while (m.find()) {
                sizes.add(m.group(1) + "b");
            }
        }
        return sizes;
    }

    static boolean matchesAny(List<String> patterns, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String pattern : patterns) {
            if (matchesOne(compiled(pattern), hintOf(pattern), text, lower)) {
                return true;
            }
        }
        return false;
    }

    /** The literal a name must contain for {@code pattern} to match it, null when there is none. */
    private static String hintOf(String pattern) {
        return HINTS.computeIfAbsent(pattern, LiteralHint::of).orElse(null);
    }

    /**
     * One name pattern against a name: its literal hint first (null when it has none; a name without it cannot
     * match, and {@code contains} is cheaper than the pattern), then the pattern.
     */
    private static boolean matchesOne(Pattern pattern, String hint, String text, String lower) {
        return (hint == null || lower.contains(hint)) && pattern.matcher(text).find();
    }

    /**
     * A pattern matches whole words only: not preceded by a letter, and not followed by one unless the match
     * itself ends in a separator ({@code aya-}). "qwen" is in "Qwen2.5-7B" but not in "notqwenish".
     */
    private static Pattern compiled(String pattern) {
        return PATTERNS.computeIfAbsent(pattern, p -> Pattern.compile(
                "(?<![\\p{L}])(?:" + p + ")(?:(?![\\p{L}])|(?<=[^\\p{L}]))", Pattern.CASE_INSENSITIVE));
    }
}

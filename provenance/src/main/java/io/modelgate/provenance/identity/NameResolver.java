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

    private final KnowledgeBase kb;

    NameResolver(KnowledgeBase kb) {
        this.kb = kb;
    }

    /** Families a name points at: by organisation id first, then by name pattern. */
    Set<String> families(String name) {
        Set<String> found = new LinkedHashSet<>();
        if (name == null) {
            return found;
        }
        String repo = Declarations.repoFromUrl(name.trim());
        int slash = repo.indexOf('/');
        String org = slash > 0 ? repo.substring(0, slash) : null;
        String model = slash > 0 ? repo.substring(slash + 1) : repo;
        for (FamilyDef family : kb.families()) {
            boolean byOrg = org != null && family.orgs().stream().anyMatch(o -> o.equalsIgnoreCase(org));
            if (byOrg || matchesAny(family.namePatterns(), model)) {
                found.add(family.id());
            }
        }
        return found;
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
        for (String pattern : patterns) {
            if (compiled(pattern).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compiled(String pattern) {
        return PATTERNS.computeIfAbsent(pattern, p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE));
    }
}

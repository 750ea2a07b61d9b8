package io.modelgate.scanner.pickle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The curated allow- and denylist of pickle globals, loaded once from {@code globals.tsv}. Deny
 * wins (only an exact allow entry overrides a module-wide deny); otherwise the most specific
 * allow/review entry decides; a global on no list is unknown.
 * Attribute paths ({@code module Class.attr}, protocol 4) are checked segment by segment, so a
 * dangerous module reached through another module's attribute is still denied.
 */
final class GlobalPolicy {

    static final String RESOURCE = "globals.tsv";
    private static final int MAX_SEGMENTS = 16;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * ALLOW: reviewed and safe; DENY: critical whatever it is given; REVIEW: listed, but not trusted by default;
     * INDIRECT: calls or reaches another callable, judged at each call by what it reaches ({@link IndirectReach});
     * UNKNOWN: on no list, so outside the reviewed namespaces.
     */
    enum Verdict { ALLOW, DENY, REVIEW, INDIRECT, UNKNOWN }

    /** What loading a payload argument of this callable runs, if anything. */
    enum Payload { NONE, PICKLE, MARSHAL, TORCH }

    /** The decision for one global and the policy line behind it. */
    record Decision(Verdict verdict, Payload payload, String reason) {
    }

    private record Entry(String module, String name, Verdict verdict, Payload payload, String reason) {

        boolean wildcard() {
            return name.contains("*") || name.equals("<class>");
        }

        /** Specificity: exact names beat wildcards, deeper modules beat their parents. */
        int rank() {
            return module.length() * 2 + (wildcard() ? 0 : 100_000);
        }

        boolean matchesName(String candidate, boolean allowing) {
            if (!wildcard()) {
                return name.equals(candidate);
            }
            if (allowing && (!IDENTIFIER.matcher(candidate).matches() || candidate.startsWith("__"))) {
                return false;
            }
            if (name.equals("<class>")) {
                return !candidate.isEmpty() && Character.isUpperCase(candidate.charAt(0));
            }
            return globMatches(name, candidate);
        }
    }

    private static final GlobalPolicy DEFAULT = load();

    private final Map<String, List<Entry>> byModule;
    private final java.util.Set<String> packages;
    private final String version;

    private GlobalPolicy(Map<String, List<Entry>> byModule, String version) {
        this.byModule = byModule;
        this.version = version;
        this.packages = byModule.keySet().stream().map(m -> m.contains(".") ? m.substring(0, m.indexOf('.')) : m)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    static GlobalPolicy defaults() {
        return DEFAULT;
    }

    String version() {
        return version;
    }

    /** Classifies an imported global, using the name as written too when Python 2 names were mapped. */
    Decision classify(PickleValue.Global global) {
        Entry denied = denied(global.module(), global.name());
        if (denied == null && global.writtenModule() != null) {
            denied = denied(global.writtenModule(), global.writtenName());
        }
        Entry best = null;
        for (String module = global.module(); module != null; module = parent(module)) {
            for (Entry entry : byModule.getOrDefault(module, List.of())) {
                boolean applies = entry.verdict() != Verdict.DENY
                        && (entry.wildcard() || module.equals(global.module()))
                        && entry.matchesName(global.name(), entry.verdict() == Verdict.ALLOW);
                if (applies && (best == null || entry.rank() > best.rank())) {
                    best = entry;
                }
            }
        }
        // Deny wins, except that a name listed exactly carves a known-safe attribute out of a denied module.
        if (denied != null && (best == null || best.wildcard() || !denied.wildcard())) {
            return decision(denied);
        }
        if (best == null) {
            return new Decision(Verdict.UNKNOWN, Payload.NONE, "on neither the allowlist nor the denylist");
        }
        return decision(best);
    }

    /** Whether the policy has an entry for some module of the top-level package {@code top}, whatever its verdict. */
    boolean knowsPackage(String top) {
        return packages.contains(top);
    }

    private static Decision decision(Entry entry) {
        return new Decision(entry.verdict(), entry.payload(), entry.reason());
    }

    /**
     * A deny decision when any (module, first attribute) window of the dotted path is denied: the module
     * itself, its parents, and modules reached as attributes ({@code posixpath os.system}).
     */
    private Entry denied(String module, String name) {
        String[] attributes = name.split("\\.", MAX_SEGMENTS + 1);
        int count = Math.min(attributes.length, MAX_SEGMENTS);
        StringBuilder anchored = new StringBuilder(module);
        for (int i = 0; i < count; i++) {
            Entry d = deniedPair(anchored.toString(), attributes[i]);
            if (d != null) {
                return d;
            }
            anchored.append('.').append(attributes[i]);
        }
        for (int start = 0; start < count - 1; start++) {
            StringBuilder inner = new StringBuilder(attributes[start]);
            for (int split = start + 1; split < count; split++) {
                Entry d = deniedPair(inner.toString(), attributes[split]);
                if (d != null) {
                    return d;
                }
                inner.append('.').append(attributes[split]);
            }
        }
        return null;
    }

    private Entry deniedPair(String module, String name) {
        for (String m = module; m != null; m = parent(m)) {
            for (Entry entry : byModule.getOrDefault(m, List.of())) {
                if (entry.verdict() == Verdict.DENY && (entry.wildcard() || m.equals(module))
                        && entry.matchesName(name, false)) {
                    return entry;
                }
            }
        }
        return null;
    }

    private static String parent(String module) {
        int dot = module.lastIndexOf('.');
        return dot < 0 ? null : module.substring(0, dot);
    }

    static boolean globMatches(String glob, String text) {
        String[] parts = glob.split("\\*", -1);
        if (parts.length == 1) {
            return glob.equals(text);
        }
        if (!text.startsWith(parts[0]) || !text.endsWith(parts[parts.length - 1])
                || text.length() < parts[0].length() + parts[parts.length - 1].length()) {
            return false;
        }
        int at = parts[0].length();
        int limit = text.length() - parts[parts.length - 1].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = text.indexOf(parts[i], at);
            if (found < 0 || found + parts[i].length() > limit) {
                return false;
            }
            at = found + parts[i].length();
        }
        return true;
    }

    private static GlobalPolicy load() {
        try (InputStream in = GlobalPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GlobalPolicy parse(BufferedReader reader) throws IOException {
        Map<String, List<Entry>> byModule = new HashMap<>();
        String version = "unversioned";
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.startsWith("#")) {
                int at = line.indexOf("version ");
                if (number == 1 && at >= 0) {
                    version = line.substring(at + "version ".length()).trim();
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 5) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": expected 5 tab-separated fields");
            }
            Entry entry = new Entry(f[0], f[1], Verdict.valueOf(f[2].toUpperCase(Locale.ROOT)),
                    f[3].equals("-") ? Payload.NONE : Payload.valueOf(f[3].toUpperCase(Locale.ROOT)), f[4]);
            byModule.computeIfAbsent(entry.module(), k -> new ArrayList<>()).add(entry);
        }
        return new GlobalPolicy(byModule, version);
    }
}

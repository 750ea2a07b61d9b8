package io.modelgate.scanner.config;

import io.modelgate.scanner.pickle.CallableDenylist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges a dotted Python path a config names ({@code _target_}, {@code class_path}, YAML tags, module types):
 * the pickle denylist first, then the reviewed namespaces of {@code targets.tsv} (most specific prefix wins), then
 * the pickle allowlist's data types; anything else is unreviewed.
 */
public final class TargetPolicy {

    static final String RESOURCE = "targets.tsv";
    /** A Python dotted name: what Hydra's locate, jsonargparse and importlib resolve. */
    private static final Pattern DOTTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final int MAX_TARGET_CHARS = 512;
    private static final Set<String> VERDICTS = Set.of("reviewed", "locator", "review", "diffusers-module");
    private static final TargetPolicy DEFAULT = load();

    private record Entry(String verdict, String reason) {
    }

    private final Map<String, Entry> byPrefix;

    private TargetPolicy(Map<String, Entry> byPrefix) {
        this.byPrefix = byPrefix;
    }

    public static TargetPolicy defaults() {
        return DEFAULT;
    }

    /** Whether {@code text} is a plain dotted Python name. */
    public static boolean isDottedName(String text) {
        return text.length() <= MAX_TARGET_CHARS && DOTTED.matcher(text).matches();
    }

    public Judgement judge(String rawTarget) {
        String target = rawTarget.strip();
        if (!isDottedName(target)) {
            return new Judgement(target, TargetVerdict.UNREVIEWED, "not a plain dotted Python name");
        }
        for (String segment : target.split("\\.")) {
            if (segment.startsWith("__") && segment.endsWith("__")) {
                return new Judgement(target, TargetVerdict.DANGEROUS,
                        "reaches the interpreter's internals through the attribute " + segment);
            }
        }
        Optional<String> denied = CallableDenylist.reason(target);
        if (denied.isPresent()) {
            return new Judgement(target, TargetVerdict.DANGEROUS, denied.get());
        }
        Entry entry = mostSpecific(target);
        if (entry != null && !entry.verdict().equals("diffusers-module")) {
            return switch (entry.verdict()) {
                case "reviewed" -> new Judgement(target, TargetVerdict.REVIEWED, entry.reason());
                case "locator" -> new Judgement(target, TargetVerdict.LOCATOR, entry.reason());
                default -> new Judgement(target, TargetVerdict.UNREVIEWED, entry.reason());
            };
        }
        if (CallableDenylist.allowed(target)) {
            return new Judgement(target, TargetVerdict.REVIEWED, "a reviewed standard data type");
        }
        return new Judgement(target, TargetVerdict.UNREVIEWED, "outside the reviewed namespaces");
    }

    /** Whether {@code library} is a diffusers pipeline module that model_index.json may name as a library. */
    public boolean isDiffusersModule(String library) {
        Entry entry = byPrefix.get(library);
        return entry != null && entry.verdict().equals("diffusers-module");
    }

    private Entry mostSpecific(String target) {
        for (String prefix = target; prefix != null; ) {
            Entry entry = byPrefix.get(prefix);
            if (entry != null) {
                return entry;
            }
            int dot = prefix.lastIndexOf('.');
            prefix = dot < 0 ? null : prefix.substring(0, dot);
        }
        return null;
    }

    private static TargetPolicy load() {
        try (InputStream in = TargetPolicy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Entry> byPrefix = new HashMap<>();
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 3 || !VERDICTS.contains(f[1]) || byPrefix.put(f[0], new Entry(f[1], f[2])) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": expected a new prefix, a "
                            + "verdict and a reason");
                }
            }
            return new TargetPolicy(Map.copyOf(byPrefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

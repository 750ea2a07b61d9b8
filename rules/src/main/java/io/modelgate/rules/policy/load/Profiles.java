package io.modelgate.rules.policy.load;

import io.modelgate.rules.policy.Policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The named policies shipped with ModelGate, selectable with {@code --profile}. */
public final class Profiles {

    public static final String DEFAULT = "default";
    private static final List<String> NAMES = List.of(DEFAULT, "strict", "origin-review");
    private static final String FOLDER = "/io/modelgate/rules/policy/profiles/";
    /** The extension of a compiled profile. */
    static final String COMPILED = ".tree";

    private Profiles() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /** The profile's YAML text, commented. */
    public static String text(String name) {
        return new String(resource(name, ".yaml"), StandardCharsets.UTF_8);
    }

    /** The profile compiled at build time ({@link ProfileCompiler}). */
    static byte[] compiled(String name) {
        return resource(name, COMPILED);
    }

    private static byte[] resource(String name, String extension) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown profile '" + name + "' (profiles: " + String.join(", ", NAMES)
                    + ")");
        }
        try (InputStream in = Profiles.class.getResourceAsStream(FOLDER + name + extension)) {
            if (in == null) {
                throw new IllegalStateException("profile missing from the build: " + name + extension);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The profile as a policy, checked by the given loader. */
    public static Policy load(String name, PolicyLoader loader) {
        try {
            return loader.parseCompiled(compiled(name), name);
        } catch (PolicyException e) {
            throw new IllegalStateException("built-in profile " + name + " is invalid: " + e.getMessage(), e);
        }
    }
}

package io.modelgate.scanner.pickle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Modules a Python installation can import without anything extra: the standard library (listed in
 * {@code stdlib-modules.txt}) and the libraries the global policy has reviewed. Importing one runs real
 * code, so a text stream that reaches such an import is acting like a pickle, whereas a made-up name only
 * raises ModuleNotFoundError.
 */
final class KnownModules {

    private static final String RESOURCE = "stdlib-modules.txt";
    private static final Set<String> STDLIB = load();

    private KnownModules() {
    }

    /** Whether {@code module} (after Python 2 names were mapped) belongs to the stdlib or a reviewed library. */
    static boolean exists(String module) {
        int dot = module.indexOf('.');
        String top = dot < 0 ? module : module.substring(0, dot);
        return STDLIB.contains(top) || GlobalPolicy.defaults().knowsPackage(top);
    }

    private static Set<String> load() {
        try (InputStream in = KnownModules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Set<String> names = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
            return Set.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.modelgate.rules.policy.spdx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SPDX license and exception identifiers, plus any further ids the caller knows (the knowledge base's
 * model licenses). Lookups ignore case, as the SPDX specification asks, and return the canonical spelling.
 */
public final class SpdxIds {

    private static final Map<String, String> LICENSES = load("licenses.txt");
    private static final Map<String, String> EXCEPTIONS = load("exceptions.txt");

    private final Map<String, String> extraLicenses = new HashMap<>();

    /** The SPDX lists and the given extra license ids (e.g. {@code CreativeML-OpenRAIL-M}). */
    public SpdxIds(Collection<String> extraLicenseIds) {
        extraLicenseIds.forEach(id -> extraLicenses.put(id.toLowerCase(Locale.ROOT), id));
    }

    public static SpdxIds standard() {
        return new SpdxIds(java.util.List.of());
    }

    public Optional<String> license(String id) {
        String key = id.toLowerCase(Locale.ROOT);
        String known = LICENSES.get(key);
        return Optional.ofNullable(known != null ? known : extraLicenses.get(key));
    }

    public Optional<String> exception(String id) {
        return Optional.ofNullable(EXCEPTIONS.get(id.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, String> load(String resource) {
        Map<String, String> ids = new HashMap<>();
        try (InputStream in = SpdxIds.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SPDX id list missing from the build: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String id = line.startsWith("~") ? line.substring(1) : line;
                ids.put(id.toLowerCase(Locale.ROOT), id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(ids);
    }
}

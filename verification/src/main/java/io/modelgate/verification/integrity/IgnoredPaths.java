package io.modelgate.verification.integrity;

import java.util.Collection;
import java.util.List;

/**
 * Paths left out of a digest manifest, relative to the model folder ('/' separated): a name matches
 * when it equals an ignored path or lies below it, as in the model_signing format.
 */
public final class IgnoredPaths {

    private final List<String> paths;

    private IgnoredPaths(List<String> paths) {
        this.paths = paths;
    }

    public static IgnoredPaths of(Collection<String> paths) {
        return new IgnoredPaths(paths.stream().map(IgnoredPaths::clean).filter(p -> !p.isEmpty()).distinct().toList());
    }

    public boolean matches(String name) {
        for (String ignored : paths) {
            if (name.equals(ignored) || name.startsWith(ignored + "/")) {
                return true;
            }
        }
        return false;
    }

    public List<String> paths() {
        return paths;
    }

    private static String clean(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}

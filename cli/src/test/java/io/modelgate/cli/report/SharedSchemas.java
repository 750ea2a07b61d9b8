package io.modelgate.cli.report;

import java.nio.file.Files;
import java.nio.file.Path;

/** The published schemas in the workspace's shared/schemas folder, next to (or above) the checkout. */
final class SharedSchemas {

    private SharedSchemas() {
    }

    static Path find(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("schemas").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("schema " + name + " not found in shared/schemas above "
                + Path.of("").toAbsolutePath());
    }
}

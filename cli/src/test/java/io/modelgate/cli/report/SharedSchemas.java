package io.modelgate.cli.report;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The published JSON schemas the tests validate reports against, kept with the test resources. */
final class SharedSchemas {

    private SharedSchemas() {
    }

    static Path find(String name) {
        URL resource = SharedSchemas.class.getResource("/schemas/" + name);
        if (resource == null) {
            throw new IllegalStateException("schema " + name + " missing from the test resources (schemas/)");
        }
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("schema " + name + " cannot be opened: " + e.getMessage(), e);
        }
    }
}

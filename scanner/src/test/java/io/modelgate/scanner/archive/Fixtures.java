package io.modelgate.scanner.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Committed archive fixtures (written by fixtures/archives/generate.py). */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path path(String name) {
        return Path.of("..", "fixtures", "archives", name);
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pickle whose __reduce__ calls os.system. */
    public static byte[] evilPickle() {
        return bytes("evil.pkl");
    }
}

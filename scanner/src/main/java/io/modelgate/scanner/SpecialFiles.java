package io.modelgate.scanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Tells regular files from named pipes, devices and sockets without opening them: opening a pipe for reading
 * blocks until someone writes, and a device such as /dev/zero never ends.
 */
final class SpecialFiles {

    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    private SpecialFiles() {
    }

    /**
     * Empty for a regular file; otherwise what the file is, in words, from its attributes (links followed) as
     * the caller read them.
     */
    static Optional<String> kind(Path file, BasicFileAttributes attributes) {
        if (attributes.isRegularFile()) {
            return Optional.empty();
        }
        if (attributes.isDirectory()) {
            return Optional.of("a folder");
        }
        return Optional.of(unixKind(file));
    }

    private static String unixKind(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            return switch (mode & TYPE_MASK) {
                case FIFO -> "a named pipe (FIFO)";
                case CHARACTER_DEVICE -> "a character device";
                case BLOCK_DEVICE -> "a block device";
                case SOCKET -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }
}

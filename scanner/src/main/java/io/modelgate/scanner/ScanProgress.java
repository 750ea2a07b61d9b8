package io.modelgate.scanner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Told how a scan advances, so a long scan can show progress. Called from the scanning threads: implementations
 * must be thread-safe and quick. Every method does nothing by default.
 */
public interface ScanProgress {

    ScanProgress NONE = new ScanProgress() {
        @Override
        public boolean listening() {
            return false;
        }
    };

    /** False when nothing is shown: the scan then does not size every file for it (a stat each). */
    default boolean listening() {
        return true;
    }

    /** The walk is done: {@code files} files of {@code bytes} bytes in all will be analysed. */
    default void started(int files, long bytes) {
    }

    /** Analysis of one file (reading, hashing, detection) begins. */
    default void fileStarted(String path, long bytes) {
    }

    /** Analysis of one file is over, whatever its outcome. */
    default void fileDone(String path, long bytes) {
    }

    /** The size of a file to scan, 0 when it is not read or cannot be sized (progress only, never a verdict). */
    static long sizeOf(Path file) {
        if (file == null) {
            return 0;
        }
        try {
            return Files.size(file);
        } catch (IOException | SecurityException e) {
            return 0;
        }
    }
}

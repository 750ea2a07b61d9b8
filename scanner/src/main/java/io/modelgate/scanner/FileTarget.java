package io.modelgate.scanner;

import io.modelgate.scanner.model.Finding;

import java.nio.file.Path;
import java.util.List;

/**
 * A file chosen for scanning: where its bytes are, the path to report, and findings the walk itself
 * produced (a link that was resolved, for instance). {@code file} is null when the bytes must not be
 * read (a link that escapes the root). {@code inFolder} is true for files found by walking a folder.
 */
record FileTarget(Path file, String displayPath, List<Finding> walkFindings, boolean inFolder) {

    /** The folder this file belongs to, as shown in reports, or null for a file given directly. */
    String folderDisplayPath() {
        if (!inFolder) {
            return null;
        }
        int slash = displayPath.lastIndexOf('/');
        return slash < 0 ? "." : displayPath.substring(0, slash);
    }

    static FileTarget linked(Path file, String displayPath, List<Finding> findings) {
        return new FileTarget(file, displayPath, findings, true);
    }
}

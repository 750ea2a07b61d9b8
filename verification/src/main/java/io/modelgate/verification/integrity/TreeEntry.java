package io.modelgate.verification.integrity;

import java.nio.file.Path;

/**
 * One entry of a model folder: a regular file or a symbolic link (never followed when listing).
 *
 * @param name       path relative to the model folder, '/' separated
 * @param file       the entry on disk
 * @param linkTarget the link's target as written, null for a regular file
 */
public record TreeEntry(String name, Path file, String linkTarget) {

    public boolean isLink() {
        return linkTarget != null;
    }
}

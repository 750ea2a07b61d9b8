package io.modelgate.fleet;

import java.io.Serializable;

/**
 * One model unit as the driver listed it: the smallest piece of work the job distributes.
 *
 * @param uri   the unit's fully qualified location (a folder or a single file) on its file system
 * @param root  the inventory root it was found under
 * @param bytes total size of its files at listing time; used only to balance partitions, never to decide reuse
 * @param files how many files it had at listing time
 */
public record UnitSpec(String uri, String root, long bytes, int files) implements Serializable {

    /** The unit's path relative to its root ("org/bert"); the root's own name when the unit is the root. */
    public String relativePath() {
        if (uri.equals(root)) {
            return uri.substring(uri.lastIndexOf('/') + 1);
        }
        String prefix = root.endsWith("/") ? root : root + "/";
        return uri.startsWith(prefix) ? uri.substring(prefix.length()) : uri;
    }
}

package io.modelgate.scanner.folder;

import java.io.IOException;

/**
 * Checks that need a whole model folder rather than one file: a shard index against its shards,
 * digests against manifests, signatures over the folder, provenance across config files.
 * Runs after every file in the folder has been scanned.
 */
public interface FolderAnalyzer {

    void analyze(FolderView folder, FolderContext context) throws IOException;

    /**
     * True when the check also applies to a file given directly (a signature next to it): it then runs on
     * a view of the file's folder that holds that file alone ({@link FolderView#fileRoot()}).
     */
    default boolean checksFileRoots() {
        return false;
    }
}

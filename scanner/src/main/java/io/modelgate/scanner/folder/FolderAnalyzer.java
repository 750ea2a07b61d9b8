package io.modelgate.scanner.folder;

import java.io.IOException;

/**
 * Checks that need a whole model folder rather than one file: a shard index against its shards, the
 * modules a config names, digests against manifests, signatures over the folder. Runs after every file
 * in the folder has been scanned; reports to its {@link FolderContext}, never into the files' results.
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

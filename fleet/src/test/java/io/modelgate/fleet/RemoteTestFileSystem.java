package io.modelgate.fleet;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

import java.io.IOException;
import java.net.URI;

/**
 * The local disk under another scheme ({@code remote:///path}): stands in for HDFS or an object store, so the
 * copy-to-local path of the job runs in tests.
 */
public class RemoteTestFileSystem extends RawLocalFileSystem {

    static final String SCHEME = "remote";

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    // the local statuses read permissions through java.io.File, which takes file: URIs only
    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        FileStatus[] raw = super.listStatus(f);
        FileStatus[] plain = new FileStatus[raw.length];
        for (int i = 0; i < raw.length; i++) {
            plain[i] = plain(raw[i]);
        }
        return plain;
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return plain(super.getFileStatus(f));
    }

    private static FileStatus plain(FileStatus s) {
        return new FileStatus(s.getLen(), s.isDirectory(), 1, s.getBlockSize(), s.getModificationTime(), s.getPath());
    }
}

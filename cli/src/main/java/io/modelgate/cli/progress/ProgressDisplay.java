package io.modelgate.cli.progress;

import io.modelgate.scanner.ScanProgress;

/** Shows a scan's progress while it runs; closed when the scan is over. */
public interface ProgressDisplay extends ScanProgress, AutoCloseable {

    /** Shows nothing. */
    ProgressDisplay OFF = new ProgressDisplay() {
        @Override
        public boolean listening() {
            return false;
        }

        @Override
        public void close() {
        }
    };

    @Override
    void close();
}

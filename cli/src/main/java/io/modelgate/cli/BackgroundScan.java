package io.modelgate.cli;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.ScanReport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** A scan run on a thread of its own, so that the caller can prepare what comes after it meanwhile. */
final class BackgroundScan {

    private final FutureTask<ScanReport> task;

    private BackgroundScan(FutureTask<ScanReport> task) {
        this.task = task;
    }

    static BackgroundScan start(Scanner scanner, List<Path> roots) {
        FutureTask<ScanReport> task = new FutureTask<>(() -> scanner.scan(roots));
        Thread thread = new Thread(task, "modelgate-scan");
        // a caller that gives up (a bad policy) exits without waiting for it
        thread.setDaemon(true);
        thread.start();
        return new BackgroundScan(task);
    }

    /** Waits for the scan; what it threw is thrown here as it was. */
    ScanReport report() throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while scanning");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}

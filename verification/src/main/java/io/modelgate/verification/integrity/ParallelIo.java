package io.modelgate.verification.integrity;

import io.modelgate.scanner.concurrent.DaemonPools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs one I/O-bound task per item on a small pool of daemon threads, keeping the input order. */
public final class ParallelIo {

    /** An I/O step that may fail. */
    @FunctionalInterface
    public interface IoFunction<T, R> {
        R apply(T item) throws IOException;
    }

    private ParallelIo() {
    }

    public static <T, R> List<R> map(List<T> items, int threads, IoFunction<T, R> task) throws IOException {
        List<R> results = new ArrayList<>(items.size());
        if (threads <= 1 || items.size() <= 1) {
            for (T item : items) {
                results.add(task.apply(item));
            }
            return results;
        }
        ExecutorService pool = DaemonPools.fixed(Math.min(threads, items.size()), "modelgate-hash");
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    try {
                        return task.apply(item);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            throw new IOException(cause.getMessage(), cause);
        } finally {
            pool.shutdownNow();
        }
    }
}

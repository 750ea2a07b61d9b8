package io.modelgate.scanner.io;

import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * Admission to the scan's heap for whole-document parses (a JSON tree is several times its text): a thread
 * waits while the others hold what it needs, so that sixteen threads parsing large documents take turns
 * instead of exhausting the heap together. A parse larger than the whole gate runs alone. A thread already
 * holding a permit is admitted at once, so a thread never waits on itself.
 */
public final class HeapGate {

    private static final long WAIT_STEP_MILLIS = 200;

    private final long capacity;
    private final ThreadLocal<Integer> heldByThread = ThreadLocal.withInitial(() -> 0);
    private long inUse;

    /** Heap a JSON tree takes per byte of text, generously: a short key and value cost a map entry and nodes. */
    private static final int JSON_TREE_BYTES_PER_TEXT_BYTE = 10;

    /** About how much heap the tree of a JSON document of {@code textBytes} takes. */
    public static long jsonTree(long textBytes) {
        return textBytes * JSON_TREE_BYTES_PER_TEXT_BYTE;
    }

    public HeapGate(long capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /** The heap held back for one parse; closing it lets waiting threads in. */
    public final class Permit implements AutoCloseable {
        private final long bytes;
        private boolean closed;

        private Permit(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(bytes);
            }
        }
    }

    /** Called while waiting: throws to give up (the file's deadline has passed). */
    @FunctionalInterface
    public interface StillWanted {
        void check() throws IOException;
    }

    /**
     * Waits until about {@code bytes} of heap can be used, asking {@code stillWanted} (the file's deadline)
     * while waiting.
     */
    public Permit admit(long bytes, StillWanted stillWanted) throws IOException {
        long need = Math.min(Math.max(0, bytes), capacity);
        synchronized (this) {
            if (heldByThread.get() == 0) {
                while (inUse > 0 && inUse + need > capacity) {
                    stillWanted.check();
                    try {
                        wait(WAIT_STEP_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while waiting for memory");
                    }
                }
            }
            inUse += need;
        }
        heldByThread.set(heldByThread.get() + 1);
        return new Permit(need);
    }

    /** Heap held by admitted parses now. */
    public synchronized long inUse() {
        return inUse;
    }

    private void release(long bytes) {
        heldByThread.set(heldByThread.get() - 1);
        synchronized (this) {
            inUse -= bytes;
            notifyAll();
        }
    }
}

package io.modelgate.scanner.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Thread pools whose threads never keep the JVM alive: a stuck analysis must not block the process exit. */
public final class DaemonPools {

    private DaemonPools() {
    }

    /** A fixed pool of {@code threads} daemon threads, each named {@code threadName}. */
    public static ExecutorService fixed(int threads, String threadName) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }
}

package io.modelgate.scanner.io;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes a whole scan may hold at once in one kind of resource (temporary disk, spooled heap), shared by
 * every file and thread. Reservations never block: a refused reservation is the caller's cue to fall back
 * or stop, so threads holding part of the budget cannot wait on each other.
 */
public final class ByteBudget {

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    public ByteBudget(long limit) {
        this.limit = Math.max(0, limit);
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used.get();
    }

    /** Takes {@code bytes} from the budget when they are left; false (and nothing taken) otherwise. */
    public boolean tryReserve(long bytes) {
        while (true) {
            long now = used.get();
            if (bytes > limit - now) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    public void release(long bytes) {
        used.addAndGet(-bytes);
    }
}

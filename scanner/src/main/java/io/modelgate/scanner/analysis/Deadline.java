package io.modelgate.scanner.analysis;

import java.time.Duration;

/** The per-file time limit; long loops check it so a slow-to-parse file cannot stall the scan. */
public final class Deadline {

    private final long deadlineNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    public static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    public boolean expired() {
        return System.nanoTime() - deadlineNanos > 0;
    }

    /** @throws TimeoutExceededException when the budget is spent */
    public void check() throws TimeoutExceededException {
        if (expired()) {
            throw new TimeoutExceededException("analysis exceeded the time limit of " + budget.toSeconds() + " s");
        }
    }
}

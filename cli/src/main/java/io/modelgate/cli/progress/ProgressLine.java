package io.modelgate.cli.progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A progress line on standard error: files done of total, bytes done of total, and the largest file being read
 * when it is large. On a terminal the line is redrawn in place (carriage return, no ANSI codes); otherwise one
 * line is printed per interval, so a CI log shows the scan is alive. Nothing is shown for scans shorter than
 * {@link #QUIET_START_NANOS}. Never writes to standard output.
 */
public final class ProgressLine implements ProgressDisplay {

    static final long QUIET_START_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final long LARGE_FILE_BYTES = 64L << 20;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicLong bytesDone = new AtomicLong();
    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
    private volatile int filesTotal = -1;
    private volatile long bytesTotal;
    private volatile long startNanos;
    private int lastWidth;
    private boolean shown;
    private ScheduledExecutorService ticker;

    public ProgressLine(PrintWriter err, boolean terminal, LongSupplier nanoTime) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    /** Redraws the line on a timer thread (a large file can take minutes with no file finishing). */
    public ProgressLine startTicking() {
        long period = terminal ? 250 : 5_000;
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "modelgate-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void started(int files, long bytes) {
        filesTotal = files;
        bytesTotal = bytes;
    }

    @Override
    public void fileStarted(String path, long bytes) {
        inFlight.put(path, bytes);
    }

    @Override
    public void fileDone(String path, long bytes) {
        inFlight.remove(path);
        filesDone.incrementAndGet();
        bytesDone.addAndGet(bytes);
    }

    /** Shows the current state, once the scan has run longer than a second. */
    public synchronized void tick() {
        if (nanoTime.getAsLong() - startNanos < QUIET_START_NANOS) {
            return;
        }
        String line = describe();
        if (terminal) {
            int pad = Math.max(0, lastWidth - line.length());
            err.print("\r" + line + " ".repeat(pad));
            lastWidth = line.length();
        } else {
            err.println(line);
        }
        err.flush();
        shown = true;
    }

    /** The progress text, e.g. {@code scanning: 12/40 files, 1.2 GB/8.0 GB, reading model.safetensors (2.0 GB)}. */
    String describe() {
        StringBuilder text = new StringBuilder("modelgate: scanning ");
        int total = filesTotal;
        if (total < 0) {
            return text.append("(listing files)").toString();
        }
        text.append(filesDone.get()).append('/').append(total).append(" files, ")
                .append(bytes(bytesDone.get())).append('/').append(bytes(bytesTotal));
        inFlight.entrySet().stream()
                .filter(e -> e.getValue() >= LARGE_FILE_BYTES)
                .max(Map.Entry.comparingByValue())
                .ifPresent(e -> text.append(", reading ").append(printable(e.getKey()))
                        .append(" (").append(bytes(e.getValue())).append(')'));
        return text.toString();
    }

    /** Stops the timer and ends the line, so the report starts on a line of its own. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (shown && terminal) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A hostile file name must not move the cursor or clear the terminal: control characters become '?'. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}

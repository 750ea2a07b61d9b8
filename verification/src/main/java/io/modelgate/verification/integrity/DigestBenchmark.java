package io.modelgate.verification.integrity;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures SHA-256 throughput of the scanner's file hashing on real files, next to {@code openssl dgst
 * -sha256} on the same files. Reports wall-clock and CPU throughput (CPU throughput stays meaningful on a
 * busy machine) and the JVM's peak memory.
 */
public final class DigestBenchmark {

    /**
     * One measured run.
     *
     * @param label   what ran
     * @param bytes   bytes hashed
     * @param wallNs  elapsed time
     * @param cpuNs   CPU time used (user + system), -1 when unknown
     * @param peakMem peak heap + direct memory of the JVM during the run, -1 for external tools
     */
    public record Run(String label, long bytes, long wallNs, long cpuNs, long peakMem) {

        public double wallMbPerSecond() {
            return bytes / 1e6 / (wallNs / 1e9);
        }

        public double cpuMbPerSecond() {
            return cpuNs <= 0 ? Double.NaN : bytes / 1e6 / (cpuNs / 1e9);
        }
    }

    private DigestBenchmark() {
    }

    public static List<Path> regularFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (TreeEntry entry : ModelTree.list(root, IgnoredPaths.of(List.of(".git")), Integer.MAX_VALUE)) {
            if (!entry.isLink()) {
                files.add(entry.file());
            }
        }
        return files;
    }

    /** Work whose wall time, CPU time and peak memory are measured. */
    @FunctionalInterface
    public interface Work {
        void run() throws IOException;
    }

    /** Hashes {@code files} with {@code threads} threads, as the scanner does. */
    public static Run scanner(List<Path> files, int threads) throws IOException {
        return measure("modelgate, " + threads + " thread" + (threads == 1 ? "" : "s"), files, () -> {
            Map<Path, String> digests = FileHashing.sha256(files, threads);
            if (digests.size() != files.size()) {
                throw new IllegalStateException("not every file was hashed");
            }
        });
    }

    /** Runs {@code work} over {@code files} and measures it in this JVM. */
    public static Run measure(String label, List<Path> files, Work work) throws IOException {
        long bytes = totalSize(files);
        resetPeaks();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        work.run();
        long wall = System.nanoTime() - t0;
        long cpu = processCpuNanos() - cpu0;
        return new Run(label, bytes, wall, cpu0 < 0 ? -1 : cpu, peakMemory());
    }

    /** {@code openssl dgst -sha256} over the same files (one process, sequential), when openssl is installed. */
    public static Optional<Run> openssl(List<Path> files) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "openssl dgst -sha256 \"$@\" > /dev/null && times", "bench"));
        files.forEach(f -> command.add(f.toString()));
        long t0 = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        long wall = System.nanoTime() - t0;
        return Optional.of(new Run("openssl dgst -sha256", totalSize(files), wall, childCpuNanos(output), -1));
    }

    /** Bash's {@code times} prints the shell's then its children's {@code user sys} as {@code XmY.YYYs}. */
    static long childCpuNanos(String timesOutput) {
        Matcher m = Pattern.compile("(\\d+)m([\\d.]+)s").matcher(timesOutput);
        List<Double> seconds = new ArrayList<>();
        while (m.find()) {
            seconds.add(Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2)));
        }
        return seconds.size() >= 4 ? (long) ((seconds.get(2) + seconds.get(3)) * 1e9) : -1;
    }

    public static long totalSize(List<Path> files) throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakMemory() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        long direct = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            direct += pool.getMemoryUsed();
        }
        return heap + direct;
    }
}

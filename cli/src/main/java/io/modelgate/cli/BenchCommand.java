package io.modelgate.cli;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.Scanner;
import io.modelgate.verification.integrity.DigestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code modelgate bench}: SHA-256 throughput of the scanner next to openssl on the same files, or with
 * {@code --scan} the throughput of a whole scan (detection, analysis and digests).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Hash every file of a model folder with SHA-256 as the scanner does, with 1 and more threads, "
                        + "and run 'openssl dgst -sha256' on the same files. Prints MB/s by wall clock and by CPU "
                        + "time, and the JVM's peak memory. A first pass warms the page cache and the JIT.",
                "With --scan, measures whole scans instead (files/s and MB/s)."},
        footerHeading = "%nExamples:%n",
        footer = {"  modelgate bench --threads 1,2 ./big-model", "  modelgate bench --scan ./folder-of-checkpoints"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "A model folder (or a file).")
    Path path;

    @Option(names = "--threads", paramLabel = "N,...", split = ",", defaultValue = "1,2",
            description = "Thread counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--scan", description = "Measure whole scans (detection, analysis, digests) instead of hashing.")
    boolean scan;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(path)) {
            throw new ParameterException(spec.commandLine(), "no such file or folder: " + path);
        }
        List<Path> files = Files.isDirectory(path) ? DigestBenchmark.regularFiles(path) : List.of(path);
        PrintWriter out = spec.commandLine().getOut();
        if (scan) {
            return scanBench(files, out);
        }
        DigestBenchmark.scanner(files, 1);
        List<DigestBenchmark.Run> runs = new ArrayList<>();
        for (int n : threads) {
            runs.add(DigestBenchmark.scanner(files, Math.max(1, n)));
        }
        DigestBenchmark.openssl(files).ifPresentOrElse(runs::add, () -> out.println("(openssl not available)"));
        out.printf("%d files, %.1f MB, %d processors%n", files.size(), runs.get(0).bytes() / 1e6,
                Runtime.getRuntime().availableProcessors());
        out.printf("%-24s %12s %12s %14s%n", "run", "wall MB/s", "CPU MB/s", "peak memory");
        for (DigestBenchmark.Run run : runs) {
            out.printf("%-24s %12.0f %12.0f %14s%n", run.label(), run.wallMbPerSecond(), run.cpuMbPerSecond(),
                    run.peakMem() < 0 ? "-" : (run.peakMem() / (1024 * 1024)) + " MiB");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Integer scanBench(List<Path> files, PrintWriter out) throws IOException {
        scanWith(files, 1);
        out.printf("%d files, %.1f MB, %d processors%n", files.size(), DigestBenchmark.totalSize(files) / 1e6,
                Runtime.getRuntime().availableProcessors());
        out.printf("%-24s %12s %12s %14s%n", "scan", "files/s", "wall MB/s", "peak memory");
        for (int n : threads) {
            int workers = Math.max(1, n);
            DigestBenchmark.Run run = DigestBenchmark.measure("modelgate scan, " + workers + " thr", files,
                    () -> scanWith(files, workers));
            out.printf("%-24s %12.0f %12.0f %14s%n", run.label(), files.size() / (run.wallNs() / 1e9),
                    run.wallMbPerSecond(), (run.peakMem() / (1024 * 1024)) + " MiB");
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void scanWith(List<Path> files, int threads) throws IOException {
        new Scanner(Limits.defaults(), threads, java.time.Clock.systemUTC()).scan(files);
    }
}

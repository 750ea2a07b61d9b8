package io.modelgate.cli;

import io.modelgate.scanner.integrity.DigestBenchmark;
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

/** {@code modelgate bench}: SHA-256 throughput of the scanner next to openssl on the same files. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Hash every file of a model folder with SHA-256 as the scanner does, with 1 and more threads, "
                        + "and run 'openssl dgst -sha256' on the same files. Prints MB/s by wall clock and by CPU "
                        + "time, and the JVM's peak memory. A first pass warms the page cache and the JIT."},
        footerHeading = "%nExample:%n",
        footer = "  modelgate bench --threads 1,2 ./big-model")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "A model folder (or a file).")
    Path path;

    @Option(names = "--threads", paramLabel = "N,...", split = ",", defaultValue = "1,2",
            description = "Thread counts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Override
    public Integer call() throws IOException {
        if (!Files.exists(path)) {
            throw new ParameterException(spec.commandLine(), "no such file or folder: " + path);
        }
        List<Path> files = Files.isDirectory(path) ? DigestBenchmark.regularFiles(path) : List.of(path);
        PrintWriter out = spec.commandLine().getOut();
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
}

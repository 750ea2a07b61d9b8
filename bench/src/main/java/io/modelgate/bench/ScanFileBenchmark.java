package io.modelgate.bench;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One file through the per-file engine (detection, the format's analyser, SHA-256), per hot path: the pickle
 * machine, the safetensors header, the zip central directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScanFileBenchmark {

    /** pickle-small: 2 KiB; pickle-large: 1 MiB of BINFLOATs; safetensors: 5,000-tensor header; zip: 5,000 members. */
    @Param({"pickle-small", "pickle-large", "safetensors", "zip"})
    public String input;

    private Path dir;
    private Path file;
    private Scanner scanner;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("modelgate-bench");
        byte[] content = switch (input) {
            case "pickle-small" -> Samples.pickle(8, 24);
            case "pickle-large" -> Samples.pickle(64, 2048);
            case "safetensors" -> Samples.safetensors(5000);
            case "zip" -> Samples.zip(5000);
            default -> throw new IllegalArgumentException(input);
        };
        String name = switch (input) {
            case "safetensors" -> "model.safetensors";
            case "zip" -> "data.zip";
            default -> "model.pkl";
        };
        file = Samples.write(dir, name, content);
        scanner = new Scanner(Limits.defaults(), 1, Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Benchmark
    public FileResult scanFile() {
        FileResult result = scanner.scanFile(file);
        if (!result.incompleteReasons().isEmpty()) {
            throw new IllegalStateException("benchmark input not fully analysed: " + result.incompleteReasons());
        }
        return result;
    }
}

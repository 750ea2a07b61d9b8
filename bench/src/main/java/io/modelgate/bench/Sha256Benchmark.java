package io.modelgate.bench;

import io.modelgate.scanner.digest.Sha256;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** SHA-256 of 64 MiB, in memory and from a file in the page cache (the scanner's read path). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Sha256Benchmark {

    static final int SIZE = 64 * 1024 * 1024;

    private byte[] bytes;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        bytes = new byte[SIZE];
        new Random(14).nextBytes(bytes);
        file = Files.createTempFile("modelgate-bench", ".bin");
        Files.write(file, bytes);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public String inMemory() {
        return Sha256.ofBytes(bytes);
    }

    @Benchmark
    public String fromFile() throws IOException {
        return Sha256.ofFile(file);
    }
}

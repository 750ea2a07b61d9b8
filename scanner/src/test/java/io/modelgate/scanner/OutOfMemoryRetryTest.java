package io.modelgate.scanner;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.AnalysisEngine;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.detect.MagicDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A file that runs out of memory while other files share the heap is scanned again, alone, before failing. */
class OutOfMemoryRetryTest {

    private static final byte[] GZIP_HEAD = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};

    @TempDir
    Path dir;

    /** Runs out of memory on the first two calls, which it makes meet, as two large files on a small heap do. */
    private static final class CrowdedAnalyzer implements FormatAnalyzer {
        private final CountDownLatch meet = new CountDownLatch(2);
        private final AtomicInteger calls = new AtomicInteger();
        private final Set<String> finished = ConcurrentHashMap.newKeySet();

        @Override
        public Set<ModelFormat> formats() {
            return Set.of(ModelFormat.GZIP);
        }

        @Override
        public void analyze(ByteSource source, AnalysisContext context) throws IOException {
            if (calls.incrementAndGet() <= 2) {
                meet.countDown();
                try {
                    assertThat(meet.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                }
                throw new OutOfMemoryError("Java heap space");
            }
            finished.add(context.path().toString());
        }
    }

    @Test
    @Timeout(120)
    void filesThatRanOutOfMemoryTogetherAreAnalysedAloneAfterwards() throws IOException {
        Path a = Files.write(dir.resolve("a.gz"), GZIP_HEAD);
        Path b = Files.write(dir.resolve("b.gz"), GZIP_HEAD);
        CrowdedAnalyzer analyzer = new CrowdedAnalyzer();
        Scanner scanner = new Scanner(Limits.defaults(), 2, Clock.systemUTC(), VerificationOptions::none, List.of(),
                budgets -> new AnalysisEngine(new ContentDetector(List.of(new MagicDetector())), List.of(analyzer),
                        Limits.defaults(), budgets));

        ScanReport report = scanner.scan(List.of(a, b));

        assertThat(analyzer.calls.get()).isEqualTo(4);
        assertThat(analyzer.finished).hasSize(2);
        assertThat(report.files()).extracting(FileResult::status).doesNotContain(FileStatus.INCOMPLETE,
                FileStatus.ERROR);
        assertThat(report.files()).allMatch(f -> f.incompleteReasons().isEmpty());
    }
}

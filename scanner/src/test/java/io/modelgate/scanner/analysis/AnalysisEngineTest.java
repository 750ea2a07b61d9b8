package io.modelgate.scanner.analysis;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.detect.MagicDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisEngineTest {

    private static final byte[] GZIP_HEAD = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};

    /** An analyser driven by a lambda, recording what it saw. */
    private record Probe(Set<ModelFormat> formats, Body body, List<String> seen) implements FormatAnalyzer {
        interface Body {
            void run(ByteSource source, AnalysisContext context) throws IOException;
        }

        @Override
        public void analyze(ByteSource source, AnalysisContext context) throws IOException {
            seen.add(context.path().toString());
            body.run(source, context);
        }
    }

    private static AnalysisEngine engine(Limits limits, FormatAnalyzer... analyzers) {
        return new AnalysisEngine(new ContentDetector(List.of(new MagicDetector())), List.of(analyzers), limits);
    }

    private static Deadline deadline() {
        return Deadline.after(Duration.ofMinutes(1));
    }

    @Test
    void analyserFailureMarksTheArtifactIncompleteWithoutEscaping() throws IOException {
        Probe failing = new Probe(Set.of(ModelFormat.GZIP), (s, c) -> {
            throw new EOFException("stream ends inside a header");
        }, new ArrayList<>());
        FileCollector collector = new FileCollector();
        engine(Limits.defaults(), failing).dispatch(ArtifactPath.of("x.gz"), new ArrayByteSource(GZIP_HEAD),
                Optional.empty(), collector, deadline());
        assertThat(collector.incompleteReasons()).singleElement().asString().contains("stream ends inside a header");
        assertThat(collector.findings()).extracting(Finding::ruleId).containsExactly(CoreRules.INCOMPLETE.id());
        assertThat(collector.format()).isEqualTo(ModelFormat.GZIP);
    }

    @Test
    void runtimeErrorsAreContainedToo() throws IOException {
        Probe failing = new Probe(Set.of(ModelFormat.GZIP), (s, c) -> {
            throw new IllegalStateException("bad state");
        }, new ArrayList<>());
        FileCollector collector = new FileCollector();
        engine(Limits.defaults(), failing).dispatch(ArtifactPath.of("x.gz"), new ArrayByteSource(GZIP_HEAD),
                Optional.empty(), collector, deadline());
        assertThat(collector.incompleteReasons()).hasSize(1);
    }

    @Test
    void recursionStopsAtTheDepthLimitWithAFinding() throws IOException {
        List<String> seen = new ArrayList<>();
        Probe nesting = new Probe(Set.of(ModelFormat.GZIP),
                (s, c) -> c.scanEmbedded("inner.gz", s), seen);
        FileCollector collector = new FileCollector();
        engine(Limits.defaults().withMaxDepth(3), nesting).dispatch(ArtifactPath.of("x.gz"),
                new ArrayByteSource(GZIP_HEAD), Optional.empty(), collector, deadline());
        assertThat(seen).hasSize(4);
        assertThat(collector.findings()).extracting(Finding::ruleId).contains(CoreRules.LIMIT_REACHED.id());
        assertThat(collector.incompleteReasons()).isNotEmpty();
    }

    @Test
    void subtypeWithoutAnalyserFallsBackToItsContainer() throws IOException {
        List<String> seen = new ArrayList<>();
        Probe zip = new Probe(Set.of(ModelFormat.ZIP), (s, c) -> { }, seen);
        FileCollector collector = new FileCollector();
        engine(Limits.defaults(), zip).dispatch(ArtifactPath.of("m.keras"), new ArrayByteSource(new byte[4]),
                Optional.of(ModelFormat.KERAS), collector, deadline());
        assertThat(seen).containsExactly("m.keras");
        assertThat(collector.wasAnalysed()).isTrue();
    }

    @Test
    void unrecognisedContentIsNotAnalysed() throws IOException {
        FileCollector collector = new FileCollector();
        engine(Limits.defaults()).dispatch(ArtifactPath.of("notes"), new ArrayByteSource("hello".getBytes()),
                Optional.empty(), collector, deadline());
        assertThat(collector.wasAnalysed()).isFalse();
        assertThat(collector.format()).isEqualTo(ModelFormat.UNKNOWN);
    }

    @Test
    void anExpiredDeadlineStopsDispatch() {
        FileCollector collector = new FileCollector();
        Deadline past = Deadline.after(Duration.ofNanos(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            Thread.sleep(2);
            engine(Limits.defaults()).dispatch(ArtifactPath.of("x"), new ArrayByteSource(GZIP_HEAD), Optional.empty(),
                    collector, past);
        }).isInstanceOf(TimeoutExceededException.class);
    }
}

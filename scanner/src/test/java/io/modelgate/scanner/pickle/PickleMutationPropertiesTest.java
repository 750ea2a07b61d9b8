package io.modelgate.scanner.pickle;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import io.modelgate.testkit.Gen;
import io.modelgate.testkit.RandomCases;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutated pickle fixtures (bit flips, overwrites, truncation, length and count fields at extremes, inserted
 * and appended bytes). The seed is fixed so CI is repeatable; for a longer run, raise the cases:
 * {@code mvn -o -pl scanner test -Dtest=PickleMutationPropertiesTest -Dmodelgate.cases=100000} (and add
 * {@code -Dmodelgate.seed=N} to explore other inputs).
 */
class PickleMutationPropertiesTest {

    private static final int CASES = 200;
    private static final List<Path> FIXTURES = fixtures();
    /** Tight bounds, so a mutant that tries to make the interpreter work hard meets them quickly. */
    private static final MachineLimits TIGHT = new MachineLimits(20_000, 2_000, 64 * 1024, 1 << 20, 10_000, -1);

    private static List<Path> fixtures() {
        try (Stream<Path> benign = Files.list(RecordedMutants.FIXTURES.resolve("benign"));
             Stream<Path> malicious = Files.list(RecordedMutants.FIXTURES.resolve("malicious"))) {
            return Stream.concat(benign, malicious).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any edit: a bit, some bytes, and a value that is an extreme of a length field or any long. */
    private static PickleMutation mutation(Gen gen) {
        return new PickleMutation(gen.of(PickleMutation.Kind.values()), gen.doubleBetween(0, 1, 4),
                gen.intBetween(0, 7), gen.bytes(1, 64), gen.bool()
                        ? gen.of(0L, 1L, 0xffL, 0x7fffffffL, 0x80000000L, 0xffffffffL, Long.MAX_VALUE, -1L)
                        : gen.anyLong());
    }

    /** A fixture edited twice. */
    private record TwoEdits(Path fixture, PickleMutation first, PickleMutation second) {
        byte[] mutant() {
            return second.apply(first.apply(read(fixture), 0), 0);
        }
    }

    private static TwoEdits twoEdits(Gen gen) {
        return new TwoEdits(gen.of(FIXTURES), mutation(gen), mutation(gen));
    }

    @Test
    void mutantsNeverEscapeTheAnalyserAndAreNeverCleanWhenBroken() {
        RandomCases.check(CASES, PickleMutationPropertiesTest::twoEdits, edits -> {
            FileCollector c = PickleTesting.scan(edits.mutant(), "mutant");
            for (String reason : c.incompleteReasons()) {
                assertThat(reason).doesNotContain("Exception").doesNotContain("java.");
            }
            for (Finding f : c.findings()) {
                assertThat(f.message()).doesNotContain("Exception").doesNotContain("java.");
            }
        });
    }

    @Test
    void interpretationStaysWithinItsBounds() {
        RandomCases.check(CASES, PickleMutationPropertiesTest::twoEdits, edits -> interpretationStaysWithinItsBounds(
                edits.mutant()));
    }

    private static void interpretationStaysWithinItsBounds(byte[] data) throws IOException {
        ArrayByteSource source = new ArrayByteSource(data);
        long offset = 0;
        // every pickle in the stream, as the analyser walks them
        for (int pickles = 0; offset < data.length && pickles < data.length; pickles++) {
            PickleMachine machine = new PickleMachine(TIGHT, null, new PickleListener() { });
            PickleRun run = machine.run(source, offset);
            assertThat(run.ops()).isLessThanOrEqualTo(TIGHT.maxOps() + 1);
            if (!run.stopped()) {
                break;
            }
            assertThat(run.end()).isGreaterThan(offset).isLessThanOrEqualTo(data.length);
            offset = run.end();
        }
    }

    private record Edit(Path fixture, PickleMutation edit) {
    }

    @Test
    void damageAfterThePayloadNeverHidesIt() {
        List<Path> malicious = FIXTURES.stream().filter(p -> p.getParent().endsWith("malicious")).toList();
        RandomCases.check(CASES, gen -> new Edit(gen.of(malicious), mutation(gen)),
                c -> damageAfterThePayloadNeverHidesIt(c.fixture(), c.edit()));
    }

    private static void damageAfterThePayloadNeverHidesIt(Path fixture, PickleMutation edit) throws IOException {
        byte[] original = read(fixture);
        FileCollector before = PickleTesting.scan(original, "mutant");
        // An EXT lookup is left out: with the default empty registry the loader raises there, so a stream
        // broken right after it runs nothing (it is still reported while the stream goes on).
        List<Finding> payload = before.findings().stream()
                .filter(f -> f.severity().atLeast(Severity.HIGH) && f.location().offset() >= 0
                        && f.location().path().depth() == 0 && !f.rule().equals(PickleRules.EXTENSION_OPCODE))
                .toList();
        if (payload.isEmpty()) {
            return;   // the EXT fixture: nothing else to keep
        }
        // Python runs every opcode before the damage: edits past the last opcode that produced a finding
        int from = payload.stream().mapToInt(f -> endOfOpcode(original, f.location().offset())).max().orElseThrow();
        FileCollector after = PickleTesting.scan(edit.apply(original, from), "mutant");
        for (Finding f : payload) {
            assertThat(after.findings()).as(fixture + " " + edit + PickleTesting.describe(after))
                    .anyMatch(g -> g.severity().atLeast(Severity.HIGH) && f.subject().equals(g.subject()));
        }
    }

    /** The offset just past the opcode (and its argument) that starts at {@code offset}. */
    private static int endOfOpcode(byte[] data, long offset) {
        try {
            PickleInput in = new PickleInput(new ArrayByteSource(data), offset);
            Opcode op = Opcode.of(in.read());
            new OperandReader(in, 64 * 1024).read(op, offset);
            return (int) in.position();
        } catch (IOException | PickleBreak e) {
            throw new IllegalStateException("fixture opcode at " + offset + " does not parse", e);
        }
    }
}

package io.modelgate.scanner.pickle;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every recorded mutant that CPython's unpickler starts executing (it looks up a global of a module that
 * exists, so importing it runs code) must be analysed under a neutral name: clean, findings or incomplete,
 * never skipped. One that reaches a global outside the allowlist must fail the default gate. See
 * fixtures/pickle/mutants.py.
 */
class LoaderEquivalenceTest {

    private static List<RecordedMutants.Mutant> mutants;

    @BeforeAll
    static void load() throws IOException {
        mutants = RecordedMutants.load();
    }

    private static FileStatus status(FileCollector c) {
        return FileStatus.decide(false, !c.incompleteReasons().isEmpty(), c.findings(), c.wasAnalysed());
    }

    @Test
    void everyMutantTheLoaderExecutesIsAnalysedAndDangerousOnesFailTheGate() throws IOException {
        Map<FileStatus, Integer> reachedOutcomes = new EnumMap<>(FileStatus.class);
        Map<FileStatus, Integer> otherOutcomes = new EnumMap<>(FileStatus.class);
        List<String> skipped = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        int dangerous = 0;
        for (RecordedMutants.Mutant m : mutants) {
            FileCollector c = PickleTesting.scan(m.data(), "mutant");
            FileStatus status = status(c);
            (m.executes() ? reachedOutcomes : otherOutcomes).merge(status, 1, Integer::sum);
            if (!m.executes()) {
                continue;
            }
            boolean analysed = c.wasAnalysed()
                    && (c.format() == ModelFormat.PICKLE || c.format() == ModelFormat.PYTORCH_LEGACY);
            if (!analysed || status == FileStatus.SKIPPED) {
                skipped.add(m.id() + " [" + c.format() + "] " + m.globals());
                continue;
            }
            if (reachesUnreviewed(m.globals())) {
                dangerous++;
                if (c.findings().stream().noneMatch(f -> f.severity().atLeast(Severity.HIGH))) {
                    passed.add(m.id() + " " + m.globals() + PickleTesting.describe(c));
                }
            }
        }
        System.out.printf("pickle mutants: %d recorded; the real loader executes %d: %s; the other %d: %s;"
                        + " %d reach an unreviewed global%n", mutants.size(), count(reachedOutcomes), reachedOutcomes,
                count(otherOutcomes), otherOutcomes, dangerous);
        assertThat(skipped).as("mutants the loader executes but the scanner skips").isEmpty();
        assertThat(passed).as("mutants reaching an unreviewed global that pass the gate").isEmpty();
        // the recording must exercise both sides, or the test could not fail
        assertThat(count(reachedOutcomes)).isGreaterThan(100);
        assertThat(dangerous).isGreaterThan(50);
    }

    private static int count(Map<FileStatus, Integer> outcomes) {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A global the real loader looked up that the policy does not allow (partial/getattr are judged by reach). */
    private static boolean reachesUnreviewed(List<String> globals) {
        for (String pair : globals) {
            int space = pair.indexOf(' ');
            String[] mapped = PythonNames.map(pair.substring(0, space), pair.substring(space + 1));
            boolean renamed = !mapped[0].equals(pair.substring(0, space));
            PickleValue.Global g = new PickleValue.Global(mapped[0], mapped[1],
                    renamed ? pair.substring(0, space) : null, renamed ? pair.substring(space + 1) : null, 0);
            GlobalPolicy.Verdict verdict = GlobalPolicy.defaults().classify(g).verdict();
            if (verdict != GlobalPolicy.Verdict.ALLOW && verdict != GlobalPolicy.Verdict.INDIRECT) {
                return true;
            }
        }
        return false;
    }
}

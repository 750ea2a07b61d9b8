package io.modelgate.scanner.paddle;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Severity;
import io.modelgate.scanner.pickle.PickleRules;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** paddle.save pickles (fixtures/paddle/generate.py): analysed as pickles, paddle's own tensor idiom stays clean. */
class PaddlePickleTest {

    @ParameterizedTest
    @ValueSource(strings = {"model.pdparams", "tensors.pdparams", "model.pdopt"})
    void paddleSavePicklesAreClean(String name) {
        FileCollector scan = ArtifactScan.scan(name, Mutants.fixture("paddle", name));

        assertThat(scan.findings()).isEmpty();
        assertThat(Mutants.status(scan)).isEqualTo(FileStatus.CLEAN);
    }

    @org.junit.jupiter.api.Test
    void evalHandedOnAsAValueVoidsTheIdiom() {
        FileCollector scan = ArtifactScan.scan("x.pdparams", Mutants.fixture("paddle", "evil_eval_handed_on.pdparams"));

        assertThat(scan.findings()).anySatisfy(f -> {
            assertThat(f.subject()).isEqualTo("builtins.eval");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil_eval.pdparams", "evil_other_globals.pdparams"})
    void evalOutsideTheExactIdiomIsCritical(String name) {
        FileCollector scan = ArtifactScan.scan(name, Mutants.fixture("paddle", name));

        assertThat(scan.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo(PickleRules.DANGEROUS_CALL.id());
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.subject()).isEqualTo("builtins.eval");
        });
    }
}

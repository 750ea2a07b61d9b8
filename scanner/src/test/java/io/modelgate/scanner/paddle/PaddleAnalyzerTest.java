package io.modelgate.scanner.paddle;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import io.modelgate.scanner.testing.SeededMutants;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.modelgate.scanner.paddle.PaddleFixtures.op;
import static io.modelgate.scanner.paddle.PaddleFixtures.program;
import static org.assertj.core.api.Assertions.assertThat;

class PaddleAnalyzerTest {

    @Test
    void exportedInferenceProgramIsClean() {
        FileCollector scan = ArtifactScan.scan("inference.pdmodel", PaddleFixtures.inferenceProgram());

        assertThat(scan.format()).isEqualTo(ModelFormat.PADDLE_PROGRAM);
        assertThat(scan.findings()).isEmpty();
        assertThat(Mutants.status(scan)).isEqualTo(FileStatus.CLEAN);
        assertThat(scan.facts()).containsEntry("paddle.operators", 11).containsEntry("paddle.blocks", 1);
    }

    @Test
    void programDetectedByContentUnderTheOldName() {
        assertThat(ArtifactScan.scan("__model__", PaddleFixtures.inferenceProgram()).format())
                .isEqualTo(ModelFormat.PADDLE_PROGRAM);
    }

    @Test
    void saveToAnAbsolutePathAndLoadFromOutsideAreFindings() {
        byte[] program = program(op("feed"), op("save", "file_path", "/etc/cron.d/job"),
                op("load_combine", "file_path", "../../../home/user/.ssh/id_rsa"), op("fetch"));

        FileCollector scan = ArtifactScan.scan("inference.pdmodel", program);

        assertThat(scan.findings()).filteredOn(f -> f.ruleId().equals(PaddleRules.PATH_ESCAPES.id()))
                .extracting(Finding::subject).containsExactlyInAnyOrder("/etc/cron.d/job", "../../../home/user/.ssh/id_rsa");
        assertThat(Mutants.status(scan)).isEqualTo(FileStatus.FINDINGS);
    }

    @Test
    void relativeFileOperatorIsForReview() {
        FileCollector scan = ArtifactScan.scan("m.pdmodel", program(op("load", "file_path", "params/w_0")));

        assertThat(ArtifactScan.ruleIds(scan)).containsExactly(PaddleRules.FILE_ACCESS.id());
    }

    @Test
    void pythonCallbackAndNetworkOperatorsAreFindings() {
        byte[] program = program(op("py_func", "forward_callable_id", "0"),
                op("listen_and_serv", "endpoint", "0.0.0.0:6174"), op("my_custom_op"));

        FileCollector scan = ArtifactScan.scan("m.pdmodel", program);

        assertThat(ArtifactScan.ruleIds(scan)).contains(PaddleRules.PYTHON_CALLBACK.id(), PaddleRules.NETWORK.id(),
                PaddleRules.UNKNOWN_OP.id());
        assertThat(ArtifactScan.aboveInfo(scan)).anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL));
        assertThat(scan.findings()).anySatisfy(f -> assertThat(f.message()).contains("0.0.0.0:6174"));
    }

    @Test
    void malformedProgramsAreIncompleteWithoutErrors() {
        byte[] program = PaddleFixtures.inferenceProgram();
        byte[] wrongWire = program.clone();
        for (int cut = 8; cut < program.length; cut += 7) {
            FileStatus status = Mutants.status(ArtifactScan.scan("m.pdmodel", Arrays.copyOf(program, cut)));
            assertThat(status).as("cut at " + cut).isIn(FileStatus.INCOMPLETE, FileStatus.FINDINGS);
        }
        wrongWire[wrongWire.length - 6] = (byte) 0x0f; // an invalid wire type inside the last field
        assertThat(Mutants.status(ArtifactScan.scan("m.pdmodel", wrongWire))).isNotEqualTo(FileStatus.CLEAN);
    }

    @Test
    void parameterStreamIsClean() {
        FileCollector scan = ArtifactScan.scan("inference.pdiparams", PaddleFixtures.params());

        assertThat(scan.format()).isEqualTo(ModelFormat.PADDLE_PARAMS);
        assertThat(Mutants.status(scan)).isEqualTo(FileStatus.CLEAN);
        assertThat(scan.facts()).containsEntry("paddle.tensors", 4);
    }

    @Test
    void parameterStreamHostileLengthsAreMalformed() {
        byte[] params = PaddleFixtures.params();
        byte[] hugeDims = PaddleFixtures.tensor(5, 4, 1L << 40, 1L << 30);
        byte[] unknownType = PaddleFixtures.tensor(99, 4, 2);
        byte[] trailing = Arrays.copyOf(params, params.length + 5);

        assertThat(ArtifactScan.ruleIds(ArtifactScan.scan("a.pdiparams", hugeDims)))
                .contains(PaddleRules.MALFORMED_PARAMS.id());
        assertThat(Mutants.status(ArtifactScan.scan("b.pdiparams", unknownType))).isEqualTo(FileStatus.INCOMPLETE);
        assertThat(Mutants.status(ArtifactScan.scan("c.pdiparams", trailing))).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void everyTruncationOfTheParametersIsIncompleteUnlessItEndsOnATensor() {
        byte[] params = PaddleFixtures.params();
        for (int cut = 17; cut < params.length; cut++) { // shorter cuts are zero bytes only, which carry nothing
            byte[] part = Arrays.copyOf(params, cut);
            FileStatus status = Mutants.status(ArtifactScan.scan("m.pdiparams", part));
            assertThat(status).as("cut at " + cut).isEqualTo(PaddleParamsSpec.accepts(part) ? FileStatus.CLEAN
                    : FileStatus.INCOMPLETE);
        }
    }

    @Test
    void fixedSeedMutantsFailClosed() {
        byte[] params = PaddleFixtures.params();
        byte[] program = PaddleFixtures.inferenceProgram();
        for (Mutants.Mutation m : SeededMutants.draw(20261203L, 1500)) {
            byte[] mutant = m.apply(params);
            FileCollector scan = ArtifactScan.scan("model.pdiparams", mutant);
            assertThat(Mutants.status(scan)).as(m.toString()).isNotEqualTo(FileStatus.ERROR);
            if (Mutants.status(scan) == FileStatus.CLEAN) {
                assertThat(PaddleParamsSpec.accepts(mutant)).as(m.toString()).isTrue();
            }
            byte[] programMutant = m.apply(program);
            FileCollector programScan = ArtifactScan.scan("model.pdmodel", programMutant);
            assertThat(Mutants.status(programScan)).as(m.toString()).isNotEqualTo(FileStatus.ERROR);
        }
    }
}

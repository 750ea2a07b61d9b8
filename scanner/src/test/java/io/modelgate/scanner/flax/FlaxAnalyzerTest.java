package io.modelgate.scanner.flax;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import io.modelgate.scanner.testing.SeededMutants;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class FlaxAnalyzerTest {

    @Test
    void realShapedCheckpointIsCleanUnderAnyName() {
        byte[] checkpoint = MsgpackWriter.mlpCheckpoint();

        for (String name : new String[]{"flax_model.msgpack", "checkpoint_1000"}) {
            FileCollector scan = ArtifactScan.scan(name, checkpoint);
            assertThat(scan.format()).as(name).isEqualTo(ModelFormat.FLAX_MSGPACK);
            assertThat(Mutants.status(scan)).as(name).isEqualTo(FileStatus.CLEAN);
            assertThat(scan.facts()).containsEntry("flax.arrays", 5L);
        }
    }

    @Test
    void checkpointsWrittenByMsgpackPythonAreCleanAndAnUnknownExtensionIsNot() {
        for (String name : new String[]{"flax_model.msgpack", "checkpoint_1000"}) {
            FileCollector scan = ArtifactScan.scan(name, Mutants.fixture("flax", name));
            assertThat(scan.format()).as(name).isEqualTo(ModelFormat.FLAX_MSGPACK);
            assertThat(scan.findings()).as(name).isEmpty();
            assertThat(Mutants.status(scan)).as(name).isEqualTo(FileStatus.CLEAN);
            assertThat(scan.facts()).containsEntry("flax.arrays", 9L);
        }
        FileCollector evil = ArtifactScan.scan("x.msgpack", Mutants.fixture("flax", "evil_unknown_ext.msgpack"));
        assertThat(ArtifactScan.ruleIds(evil)).contains(FlaxRules.UNKNOWN_EXTENSION.id());
        assertThat(Mutants.status(evil)).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void plainMsgpackDataUnderTheNameIsClean() {
        byte[] data = new MsgpackWriter().map(2).str("labels").array(2).str("cat").str("dog").str("size").integer(224)
                .bytes();

        assertThat(Mutants.status(ArtifactScan.scan("example_batch.msgpack", data))).isEqualTo(FileStatus.CLEAN);
    }

    @Test
    void unknownExtensionCodeIsReportedAndIncomplete() {
        byte[] checkpoint = new MsgpackWriter().map(1).str("params").map(2)
                .str("kernel").ext(1, MsgpackWriter.ndarray("float32", 4, 2, 2))
                .str("hook").ext(42, "os.system('id')".getBytes()).bytes();

        FileCollector scan = ArtifactScan.scan("flax_model.msgpack", checkpoint);

        assertThat(ArtifactScan.ruleIds(scan)).contains(FlaxRules.UNKNOWN_EXTENSION.id());
        assertThat(scan.findings()).anySatisfy(f -> assertThat(f.subject()).isEqualTo("params/hook"));
        assertThat(Mutants.status(scan)).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void arrayWhoseBytesDoNotMatchItsShapeIsAFinding() {
        byte[] lying = new MsgpackWriter().array(3).array(2).integer(1000).integer(1000).str("float32")
                .bin(new byte[16]).bytes();
        byte[] checkpoint = new MsgpackWriter().map(1).str("kernel").ext(1, lying).bytes();

        FileCollector scan = ArtifactScan.scan("flax_model.msgpack", checkpoint);

        assertThat(ArtifactScan.ruleIds(scan)).contains(FlaxRules.BAD_ARRAY.id());
        assertThat(Mutants.status(scan)).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void objectDtypeIsNotProven() {
        byte[] checkpoint = new MsgpackWriter().map(1).str("x").ext(1, MsgpackWriter.ndarray("object", 8, 1)).bytes();

        assertThat(Mutants.status(ArtifactScan.scan("flax_model.msgpack", checkpoint))).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void hostileCountsDepthAndTrailingBytesEndIncompleteWithoutErrors() {
        byte[] hugeMap = new MsgpackWriter().raw(0xdf).raw(0x7f).raw(0xff).raw(0xff).raw(0xff).str("a").bytes();
        byte[] deep = new byte[100_000];
        Arrays.fill(deep, (byte) 0x91);
        byte[] reserved = new MsgpackWriter().map(1).str("a").raw(0xc1).bytes();
        byte[] trailing = Arrays.copyOf(MsgpackWriter.mlpCheckpoint(), MsgpackWriter.mlpCheckpoint().length + 3);

        for (byte[] bytes : new byte[][]{hugeMap, deep, reserved, trailing}) {
            FileCollector scan = ArtifactScan.scan("flax_model.msgpack", bytes);
            assertThat(Mutants.status(scan)).isEqualTo(FileStatus.INCOMPLETE);
        }
    }

    @Test
    void everyTruncationIsIncomplete() {
        byte[] checkpoint = MsgpackWriter.mlpCheckpoint();
        for (int cut = 1; cut < checkpoint.length; cut++) {
            FileCollector scan = ArtifactScan.scan("flax_model.msgpack", Arrays.copyOf(checkpoint, cut));
            assertThat(Mutants.status(scan)).as("cut at " + cut).isEqualTo(FileStatus.INCOMPLETE);
        }
    }

    @Test
    void fixedSeedMutantsFailClosed() {
        byte[] checkpoint = MsgpackWriter.mlpCheckpoint();
        for (Mutants.Mutation m : SeededMutants.draw(20261203L, 3000)) {
            byte[] mutant = m.apply(checkpoint);
            FileCollector scan = ArtifactScan.scan("flax_model.msgpack", mutant);
            FileStatus status = Mutants.status(scan);
            assertThat(status).as(m.toString()).isNotEqualTo(FileStatus.ERROR);
            if (status == FileStatus.SKIPPED) {
                assertThat(scan.format()).as(m.toString()).isNotEqualTo(ModelFormat.FLAX_MSGPACK);
            }
            if (status == FileStatus.CLEAN && scan.format() == ModelFormat.FLAX_MSGPACK) {
                assertThatCode(() -> MsgpackSpec.check(mutant)).as(m.toString()).doesNotThrowAnyException();
            }
        }
    }
}

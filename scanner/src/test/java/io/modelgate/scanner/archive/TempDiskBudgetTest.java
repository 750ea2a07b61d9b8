package io.modelgate.scanner.archive;

import io.modelgate.scanner.FormatRegistry;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.AnalysisEngine;
import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.io.ByteBudget;
import io.modelgate.scanner.io.HeapGate;
import io.modelgate.scanner.io.ScanBudgets;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A small archive cannot fill the disk: expanded entries share one temporary-disk budget per scan. */
class TempDiskBudgetTest {

    private static final int MIB = 1 << 20;
    /** Entries over 1 KiB are spooled to disk, so that the disk budget is what is tested. */
    private static final Limits LIMITS = new Limits(1L << 30, 8, 1_000, 1L << 30, 200, 1_000_000, 10_000, 1 << 20,
            1024, Duration.ofSeconds(60));

    private static FileCollector scan(byte[] zip, ScanBudgets budgets) throws IOException {
        AnalysisEngine engine = new AnalysisEngine(new ContentDetector(FormatRegistry.detectors()),
                FormatRegistry.analyzers(), LIMITS, budgets);
        FileCollector collector = new FileCollector();
        engine.dispatch(ArtifactPath.of("weights.zip"), new ArrayByteSource(zip), Optional.empty(), collector,
                Deadline.after(LIMITS.timeout()));
        return collector;
    }

    private static byte[] zipOf(int members, int bytesEach) {
        ZipBuilder zip = new ZipBuilder();
        Random random = new Random(11);
        for (int i = 0; i < members; i++) {
            byte[] data = new byte[bytesEach];
            random.nextBytes(data);
            zip.add("part" + i + ".bin", data, ZipBuilder.DEFLATED);
        }
        return zip.build();
    }

    @Test
    void entryBeyondTheBudgetMakesTheFileIncompleteAndLeavesNoTemporaryFile() throws IOException {
        ScanBudgets budgets = new ScanBudgets(new ByteBudget(2 * MIB), new ByteBudget(0), new HeapGate(1 << 30));

        FileCollector result = scan(zipOf(1, 6 * MIB), budgets);

        assertThat(result.incompleteReasons()).anyMatch(r -> r.contains("needs more temporary disk than is left"));
        assertThat(result.findings()).extracting(Finding::ruleId).contains(CoreRules.LIMIT_REACHED.id());
        assertThat(budgets.liveTempFiles()).isZero();
        assertThat(budgets.tempDisk().used()).isZero();
    }

    @Test
    void entriesWithinTheBudgetAreAnalysedOneAfterTheOther() throws IOException {
        ScanBudgets budgets = new ScanBudgets(new ByteBudget(4 * MIB), new ByteBudget(0), new HeapGate(1 << 30));

        FileCollector result = scan(zipOf(5, 3 * MIB), budgets);

        assertThat(result.incompleteReasons()).isEmpty();
        assertThat(result.expandedBytes()).isEqualTo(15L * MIB);
        assertThat(budgets.liveTempFiles()).isZero();
        assertThat(budgets.tempDisk().used()).isZero();
    }
}

package io.modelgate.scanner;

import io.modelgate.scanner.model.ScanReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same files give the same report, whatever the thread count and the order in which threads finish: same
 * files in the same order, same findings, reasons and facts, in the same order (compared as rendered text, so
 * that the order inside sets and maps counts too). Orders that would change from one run of the JVM to the next
 * (hash order of immutable sets and maps) are ruled out by FactValues, tested on its own.
 */
class ReportDeterminismTest {

    private static final Path FIXTURES = Path.of("..", "fixtures");

    private static String scan(int threads) throws IOException {
        ScanReport report = new Scanner(Limits.defaults(), threads, Clock.systemUTC()).scan(List.of(FIXTURES));
        return report.files() + "\n" + report.folders();
    }

    @Test
    void allFixturesGiveTheSameReportWithAnyThreadCount() throws IOException {
        String single = scan(1);
        String parallel = scan(4);

        assertThat(single).contains("fixtures/pickle/", "fixtures/archives/");
        assertThat(parallel).isEqualTo(single);
    }
}

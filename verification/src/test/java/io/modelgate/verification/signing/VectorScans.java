package io.modelgate.verification.signing;

import io.modelgate.verification.VerificationChecks;
import io.modelgate.scanner.Limits;
import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.VerificationOptions;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.ScanReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Scanning the reference signing vectors (fixtures/signing/model-transparency) and reading the verdict. */
final class VectorScans {

    static final Path VECTORS = Path.of("..", "fixtures", "signing", "model-transparency");

    private VectorScans() {
    }

    static ScanReport scan(Path folder, VerificationOptions options) throws IOException {
        return VerificationChecks.scanner(Limits.defaults(), 2, Clock.systemUTC(), options).scan(List.of(folder));
    }

    static List<Finding> findings(ScanReport report) {
        return report.allFindings();
    }

    static List<String> ruleIds(ScanReport report) {
        return findings(report).stream().map(Finding::ruleId).toList();
    }

    /** The first signature of the first scanned folder. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> signature(ScanReport report) {
        Map<String, Object> fact = io.modelgate.verification.FactMaps.signature(report);
        return ((List<Map<String, Object>>) fact.get("signatures")).get(0);
    }

    /** A modifiable copy of the vector folder {@code name} under {@code tmp}. */
    static Path copy(Path tmp, String name) throws IOException {
        Path target = Files.createDirectories(tmp.resolve(name));
        try (var files = Files.list(VECTORS.resolve(name))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }
}

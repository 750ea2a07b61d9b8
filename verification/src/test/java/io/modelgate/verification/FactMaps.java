package io.modelgate.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelgate.scanner.model.ScanReport;
import io.modelgate.verification.integrity.IntegrityFacts;
import io.modelgate.verification.signing.SignatureFacts;

import java.util.Map;

/** The typed folder facts of a scan as plain maps, the shape the JSON report gives them, for assertions. */
public final class FactMaps {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private FactMaps() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> signature(ScanReport report) {
        return JSON.convertValue(report.folders().get(0).fact(SignatureFacts.class).orElseThrow(), Map.class);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> integrity(ScanReport report) {
        return JSON.convertValue(report.folders().get(0).fact(IntegrityFacts.class).orElseThrow(), Map.class);
    }

    /** Every folder's integrity fact, as text. */
    public static String integrityText(ScanReport report) {
        return report.folders().stream().map(f -> String.valueOf(f.fact(IntegrityFacts.class)
                .map(i -> JSON.convertValue(i, Map.class)).orElse(null))).toList().toString();
    }
}

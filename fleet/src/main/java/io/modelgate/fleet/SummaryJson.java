package io.modelgate.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code summary.json}: the run's org-level summary, documented in docs/fleet.md. */
final class SummaryJson {

    static final String SCHEMA = "modelgate-fleet-summary/1";

    private SummaryJson() {
    }

    static String render(FleetSummary s, FleetSettings settings, String toolVersion, Instant finishedAt,
                         FleetJob.Phases phases) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("toolVersion", toolVersion);
        root.put("policy", Map.of("name", settings.policy().name(), "version", settings.policy().version()));
        root.put("finishedAt", finishedAt.toString());
        root.put("wallMillis", phases.wall());
        root.put("timings", Map.of("listingMillis", phases.listing(), "jobMillis", phases.job(),
                "unitTaskMillis", phases.unitTasks()));
        root.put("roots", List.copyOf(settings.roots()));
        root.put("models", s.models());
        root.put("modelsFound", s.modelsFound());
        root.put("decisions", s.decisions());
        root.put("incomplete", s.incomplete());
        root.put("reused", s.reused());
        root.put("scanned", s.models() - s.reused());
        root.put("bytes", s.bytes());
        root.put("findings", s.findings());
        root.put("byCountry", s.byCountry());
        root.put("byFamily", s.byFamily());
        root.put("byLicense", s.byLicense());
        root.put("bySignature", s.bySignature());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary could not be written", e);
        }
    }
}

package io.modelgate.provenance.identity;

import io.modelgate.scanner.model.ScanReport;

import java.util.List;

/**
 * A scan report enriched with provenance: the report whose files now also carry the provenance and license
 * findings, and one entry per model unit.
 *
 * @param report    the enriched report (gate it, write it)
 * @param models    one entry per model unit, in report order
 * @param kbVersion version of the knowledge base used
 */
public record ProvenanceResult(ScanReport report, List<ModelProvenance> models, String kbVersion) {

    public ProvenanceResult {
        models = List.copyOf(models);
    }

    /** A report without provenance (nothing analysed). */
    public static ProvenanceResult none(ScanReport report) {
        return new ProvenanceResult(report, List.of(), null);
    }
}

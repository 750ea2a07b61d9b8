package io.modelgate.fleet;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The org-level view of one run, computed from the rows alone.
 *
 * @param models     rows (units listed and accounted for, each once)
 * @param modelsFound model units the assessments found inside them
 * @param decisions  rows by outcome (APPROVE, REVIEW, REJECT; each present, possibly 0)
 * @param incomplete rows that could not be analysed completely
 * @param reused     rows taken from the result cache
 * @param bytes      bytes of all units
 * @param findings   findings by severity over all units
 * @param byCountry  rows by publisher country ("unknown" when not identified); likewise by family, license and
 *                   signature status
 */
public record FleetSummary(long models, long modelsFound, Map<String, Long> decisions, long incomplete, long reused,
                           long bytes, Map<String, Long> findings, Map<String, Long> byCountry,
                           Map<String, Long> byFamily, Map<String, Long> byLicense, Map<String, Long> bySignature) {

    static final String UNKNOWN = "unknown";

    public static FleetSummary of(List<UnitRow> rows) {
        Map<String, Long> decisions = new LinkedHashMap<>();
        for (String outcome : List.of("APPROVE", "REVIEW", "REJECT")) {
            decisions.put(outcome, rows.stream().filter(r -> outcome.equals(r.decision())).count());
        }
        Map<String, Long> findings = new LinkedHashMap<>();
        findings.put("critical", rows.stream().mapToLong(UnitRow::critical).sum());
        findings.put("high", rows.stream().mapToLong(UnitRow::high).sum());
        findings.put("medium", rows.stream().mapToLong(UnitRow::medium).sum());
        findings.put("low", rows.stream().mapToLong(UnitRow::low).sum());
        findings.put("info", rows.stream().mapToLong(UnitRow::info).sum());
        return new FleetSummary(rows.size(), rows.stream().mapToLong(UnitRow::models).sum(), decisions,
                rows.stream().filter(UnitRow::incomplete).count(), rows.stream().filter(UnitRow::reused).count(),
                rows.stream().mapToLong(UnitRow::bytes).sum(), findings, breakdown(rows, UnitRow::country),
                breakdown(rows, UnitRow::family), breakdown(rows, UnitRow::license),
                breakdown(rows, UnitRow::signature));
    }

    /** Counts by value, most frequent first, then by name. */
    private static Map<String, Long> breakdown(List<UnitRow> rows, Function<UnitRow, String> value) {
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(value.apply(r) == null ? UNKNOWN : value.apply(r), 1L, Long::sum));
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** Rows worst decision first, then by path: the order of the overview. */
    static List<UnitRow> worstFirst(List<UnitRow> rows) {
        Map<String, Integer> rank = Map.of("REJECT", 0, "REVIEW", 1, "APPROVE", 2);
        return rows.stream().sorted(Comparator.<UnitRow>comparingInt(r -> rank.getOrDefault(r.decision(), 0))
                .thenComparing(UnitRow::path)).toList();
    }
}

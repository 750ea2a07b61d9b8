package io.modelgate.fleet;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome for one unit: one row of the job's Parquet table (see {@link UnitTable}) and the body of a cache
 * entry. Identity columns join the distinct values of the unit's models ("qwen, llama") when it holds several.
 *
 * @param path              the unit's location as listed
 * @param digest            whole-model digest ({@code sha256:…}, as in reports and signatures); null when not
 *                          established (no model, a model inside an archive, a file unreadable)
 * @param contentDigest     digest over every file of the unit (names, sizes, bytes): the input of the cache key
 * @param models            model units the assessment found in it
 * @param family            family id(s), null when not identified
 * @param publisher         publisher(s)
 * @param country           publisher country code(s)
 * @param baseChain         base models of the first model, nearest first
 * @param license           license id(s) (SPDX or LicenseRef), null when unknown
 * @param signature         signature status: absent, valid, invalid, untrusted, unverified
 * @param decision          APPROVE, REVIEW or REJECT
 * @param reasons           why, one line each ({@code REJECT finding MG-PKL-001: …})
 * @param incomplete        true when something could not be analysed (the unit failed, timed out, hit a limit)
 * @param incompleteReasons one line each
 * @param critical          findings by severity …
 * @param bytes             size of the unit's files as scanned (as listed when it could not be scanned)
 * @param files             number of files
 * @param digestMillis      time to stage (copy) and hash the unit
 * @param scanMillis        time to scan, assess and decide (0 when reused)
 * @param totalMillis       wall time of the unit's task
 * @param reused            true when taken from the result cache
 * @param bom               the unit's CycloneDX BOM, relative to the output folder; null when none
 * @param toolVersion       the ModelGate version that produced the result
 * @param policyVersion     digest of the policy text that decided
 */
public record UnitRow(String path, String digest, String contentDigest, int models, String family, String publisher,
                      String country, List<String> baseChain, String license, String signature, String decision,
                      List<String> reasons, boolean incomplete, List<String> incompleteReasons, int critical,
                      int high, int medium, int low, int info, long bytes, int files, long digestMillis,
                      long scanMillis, long totalMillis, boolean reused, String bom, String toolVersion,
                      String policyVersion) implements Serializable {

    public UnitRow {
        baseChain = baseChain == null ? List.of() : List.copyOf(baseChain);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        incompleteReasons = incompleteReasons == null ? List.of() : List.copyOf(incompleteReasons);
    }

    /**
     * A unit that could not be scanned (failed, timed out, over a limit): incomplete and, failing closed, rejected.
     * Never cached, so the next run tries again.
     */
    static UnitRow failed(UnitSpec unit, String contentDigest, String reason, long digestMillis, long totalMillis,
                          String toolVersion, String policyVersion) {
        return new UnitRow(unit.uri(), null, contentDigest, 0, null, null, null, List.of(), null, null, "REJECT",
                List.of("REJECT incomplete: " + reason), true, List.of(reason), 0, 0, 0, 0, 0, unit.bytes(),
                unit.files(), digestMillis, 0, totalMillis, false, null, toolVersion, policyVersion);
    }

    /** This result found again in the cache, for the unit now at {@code unitPath}. */
    UnitRow reusedAt(String unitPath, String bomPath, long digestMillis, long totalMillis) {
        return new UnitRow(unitPath, digest, contentDigest, models, family, publisher, country, baseChain, license,
                signature, decision, reasons, incomplete, incompleteReasons, critical, high, medium, low, info, bytes,
                files, digestMillis, 0, totalMillis, true, bomPath, toolVersion, policyVersion);
    }
}

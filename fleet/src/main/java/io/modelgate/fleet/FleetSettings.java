package io.modelgate.fleet;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * What one fleet run is asked to do.
 *
 * @param roots          inventory roots (any Hadoop file system URI, or a local path)
 * @param out            output folder: {@code units/} (Parquet), {@code boms/}, {@code summary.json},
 *                       {@code summary.html}
 * @param cache          result cache folder (default {@code OUT/cache})
 * @param policy         the policy deciding every unit
 * @param partitions     how many partitions the units are packed into (0: three per core of the cluster)
 * @param threadsPerUnit files of one unit analysed in parallel by the scanner
 * @param unitTimeout    wall time one unit may take (staging, hashing, scanning); then it is incomplete
 * @param maxUnitBytes   largest unit hashed, copied or scanned; a larger one is incomplete
 * @param stageDir       local folder on each executor for copies of units from non-local file systems; null: the
 *                       executor's temporary folder
 */
public record FleetSettings(List<String> roots, String out, String cache, PolicySource policy, int partitions,
                            int threadsPerUnit, Duration unitTimeout, long maxUnitBytes, String stageDir)
        implements Serializable {

    public FleetSettings {
        roots = List.copyOf(roots);
        if (cache == null) {
            cache = out.endsWith("/") ? out + "cache" : out + "/cache";
        }
    }
}

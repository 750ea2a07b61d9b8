package io.modelgate.fleet;

import io.modelgate.scanner.ToolInfo;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fleet scan on Spark. The driver lists the units and packs them into partitions by size; each task scans
 * its units with {@link UnitScanner}; the rows go to Parquet in one pass (the scan runs once); the driver reads
 * them back to write the summary. A task lost with its executor is retried by Spark: its BOM and cache writes
 * are idempotent, and a unit's row exists once in the table whatever the retries.
 */
public final class FleetJob {

    /** Folder of the Parquet table under the output folder. */
    public static final String UNITS = "units";

    private FleetJob() {
    }

    /**
     * Where the time of a run went, in milliseconds: listing the units, the Spark job (scanning and writing the
     * table), the whole run, and the sum of the units' own times (task time without Spark's overhead).
     */
    public record Phases(long listing, long job, long wall, long unitTasks) {
    }

    /** The outcome of a run: the summary and every row. */
    public record Result(FleetSummary summary, List<UnitRow> rows) {
    }

    public static Result run(SparkSession spark, FleetSettings settings) throws IOException {
        long start = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<UnitSpec> units = new UnitLister(conf).list(settings.roots());
        long listed = System.nanoTime();
        int partitions = settings.partitions() > 0 ? settings.partitions() : 3 * jsc.defaultParallelism();
        List<List<UnitSpec>> bins = SizePartitioner.pack(units, partitions);

        OutputFiles out = new OutputFiles(settings.out(), conf);
        out.delete("boms");
        Broadcast<UnitScanner> scanner = jsc.broadcast(new UnitScanner(settings, entries(conf)));
        JavaRDD<Row> rows = jsc.parallelize(bins, Math.max(1, bins.size()))
                .flatMap(bin -> bin.stream().map(unit -> UnitTable.toRow(scanner.value().scan(unit))).iterator());
        String table = settings.out() + "/" + UNITS;
        spark.createDataFrame(rows, UnitTable.SCHEMA).write().mode(SaveMode.Overwrite).parquet(table);
        long scanned = System.nanoTime();

        List<UnitRow> written = spark.read().schema(UnitTable.SCHEMA).parquet(table).collectAsList().stream()
                .map(UnitTable::fromRow).toList();
        FleetSummary summary = FleetSummary.of(written);
        Instant finished = Instant.now();
        String tool = ToolInfo.version();
        Phases phases = new Phases((listed - start) / 1_000_000, (scanned - listed) / 1_000_000,
                (System.nanoTime() - start) / 1_000_000, written.stream().mapToLong(UnitRow::totalMillis).sum());
        out.write("summary.json", SummaryJson.render(summary, settings, tool, finished, phases));
        out.write("summary.html", SummaryHtml.render(summary, written, settings, tool, finished));
        scanner.destroy();
        return new Result(summary, written);
    }

    /** The driver's Hadoop configuration (connectors, credentials set through spark.hadoop.*) for the executors. */
    private static Map<String, String> entries(Configuration conf) {
        Map<String, String> all = new HashMap<>();
        conf.forEach(e -> all.put(e.getKey(), e.getValue()));
        return all;
    }
}

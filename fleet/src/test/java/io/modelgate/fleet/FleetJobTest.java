package io.modelgate.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole job in Spark local mode over a registry of fixture models; one Spark session for the class. */
class FleetJobTest {

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("fleet-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    private FleetSettings settings(Path registry, Path out, long maxUnitBytes) {
        return new FleetSettings(List.of(registry.toString()), out.toString(), null, PolicySource.profile("default"),
                0, 1, Duration.ofMinutes(2), maxUnitBytes, dir.resolve("stage").toString());
    }

    private static Map<String, UnitRow> byUnit(Path registry, List<UnitRow> rows) {
        String prefix = registry.toUri().getPath();
        return rows.stream().collect(Collectors.toMap(r -> r.path().substring(r.path().indexOf(prefix)
                + prefix.length()), Function.identity()));
    }

    private static JsonNode json(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void firstRunScansEveryUnitAndSecondRunReusesThem() throws IOException {
        Path registry = RegistryFixture.build(dir.resolve("registry"));
        Path out = dir.resolve("out");

        FleetJob.Result first = FleetJob.run(spark, settings(registry, out, 1L << 30));

        Map<String, UnitRow> rows = byUnit(registry, first.rows());
        assertThat(rows).containsOnlyKeys(RegistryFixture.CLEAN, RegistryFixture.EVIL, RegistryFixture.ZIPPED,
                RegistryFixture.JAR, RegistryFixture.BROKEN);
        assertThat(rows.values()).noneMatch(UnitRow::reused);

        UnitRow clean = rows.get(RegistryFixture.CLEAN);
        assertThat(clean.decision()).isEqualTo("APPROVE");
        assertThat(clean.incomplete()).isFalse();
        assertThat(clean.family()).isEqualTo("qwen");
        assertThat(clean.country()).isEqualTo("CN");
        assertThat(clean.license()).isEqualTo("Apache-2.0");
        assertThat(clean.signature()).isEqualTo("absent");
        assertThat(clean.baseChain()).containsExactly("Qwen/Qwen3-8B-Base");
        assertThat(clean.digest()).startsWith("sha256:");
        assertThat(clean.files()).isEqualTo(4);
        JsonNode bom = json(out.resolve(clean.bom()));
        assertThat(bom.path("bomFormat").asText()).isEqualTo("CycloneDX");
        assertThat(bom.toString()).contains(clean.digest().substring("sha256:".length()));

        UnitRow evil = rows.get(RegistryFixture.EVIL);
        assertThat(evil.decision()).isEqualTo("REJECT");
        assertThat(evil.critical()).isEqualTo(1);
        assertThat(evil.reasons()).anyMatch(r -> r.contains("MG-PKL-001") && r.contains("posix.system"));

        for (String packed : List.of(RegistryFixture.ZIPPED, RegistryFixture.JAR)) {
            UnitRow row = rows.get(packed);
            assertThat(row.models()).as(packed).isEqualTo(1);
            assertThat(row.family()).as(packed).isEqualTo("qwen");
            assertThat(row.decision()).as(packed).isEqualTo("APPROVE");
        }

        UnitRow broken = rows.get(RegistryFixture.BROKEN);
        assertThat(broken.incomplete()).isTrue();
        assertThat(broken.incompleteReasons()).singleElement().asString()
                .contains("has the name of a model file but is not recognised");
        assertThat(broken.decision()).isEqualTo("REJECT");

        JsonNode summary = json(out.resolve("summary.json"));
        assertThat(summary.path("models").asInt()).isEqualTo(5);
        assertThat(summary.path("decisions").path("APPROVE").asInt()).isEqualTo(3);
        assertThat(summary.path("decisions").path("REVIEW").asInt()).isEqualTo(0);
        assertThat(summary.path("decisions").path("REJECT").asInt()).isEqualTo(2);
        assertThat(summary.path("incomplete").asInt()).isEqualTo(1);
        assertThat(summary.path("reused").asInt()).isEqualTo(0);
        assertThat(summary.path("byCountry").path("CN").asInt()).isEqualTo(3);
        assertThat(summary.path("byCountry").path("unknown").asInt()).isEqualTo(2);
        assertThat(summary.path("byFamily").path("qwen").asInt()).isEqualTo(3);
        assertThat(summary.path("byLicense").path("Apache-2.0").asInt()).isEqualTo(3);
        assertThat(summary.path("bySignature").path("absent").asInt()).isEqualTo(4);
        assertThat(summary.path("bySignature").path("unknown").asInt()).as("no model, no signature status")
                .isEqualTo(1);
        assertThat(Files.readString(out.resolve("summary.html"))).contains("ModelGate fleet summary")
                .contains("MG-PKL-001");
        assertThat(spark.read().parquet(out.resolve(FleetJob.UNITS).toString()).count()).isEqualTo(5);

        FleetJob.Result second = FleetJob.run(spark, settings(registry, out, 1L << 30));

        assertThat(second.summary().reused()).isEqualTo(5);
        assertThat(json(out.resolve("summary.json")).path("reused").asInt()).isEqualTo(5);
        Map<String, UnitRow> again = byUnit(registry, second.rows());
        again.forEach((unit, row) -> {
            assertThat(row.reused()).as(unit).isTrue();
            assertThat(row.scanMillis()).as(unit).isZero();
            assertThat(row.decision()).as(unit).isEqualTo(rows.get(unit).decision());
            assertThat(row.reasons()).as(unit).isEqualTo(rows.get(unit).reasons());
            assertThat(out.resolve(row.bom())).as(unit).exists();
        });
        assertThat(second.summary().decisions()).isEqualTo(first.summary().decisions());

        // same size, same modification time, one byte different: the digest notices
        Path weights = registry.resolve(RegistryFixture.CLEAN).resolve("model.safetensors");
        RegistryFixture.flipByte(weights, (int) Files.size(weights) - 1);

        FleetJob.Result third = FleetJob.run(spark, settings(registry, out, 1L << 30));

        Map<String, UnitRow> changed = byUnit(registry, third.rows());
        assertThat(changed.get(RegistryFixture.CLEAN).reused()).isFalse();
        assertThat(changed.get(RegistryFixture.CLEAN).contentDigest()).isNotEqualTo(clean.contentDigest());
        assertThat(changed.get(RegistryFixture.CLEAN).digest()).isNotEqualTo(clean.digest());
        assertThat(third.summary().reused()).isEqualTo(4);
        assertThat(third.summary().models()).isEqualTo(5);
    }

    @Test
    void unitsOverALimitAreIncompleteNeverDroppedNorCached() throws IOException {
        Path registry = RegistryFixture.build(dir.resolve("registry"));
        Path out = dir.resolve("out");

        FleetJob.Result result = FleetJob.run(spark, settings(registry, out, 1000));

        Map<String, UnitRow> rows = byUnit(registry, result.rows());
        assertThat(rows).hasSize(5);
        for (String big : List.of(RegistryFixture.CLEAN, RegistryFixture.ZIPPED, RegistryFixture.JAR)) {
            assertThat(rows.get(big).incomplete()).as(big).isTrue();
            assertThat(rows.get(big).decision()).as(big).isEqualTo("REJECT");
            assertThat(rows.get(big).incompleteReasons()).as(big).singleElement().asString()
                    .contains("larger than the limit");
            assertThat(rows.get(big).bom()).as(big).isNull();
        }
        assertThat(result.summary().incomplete()).isEqualTo(4);
        assertThat(result.summary().decisions().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
        try (var cached = Files.list(out.resolve("cache"))) {
            assertThat(cached.filter(p -> p.toString().endsWith(".json")).count())
                    .as("only results of units that were scanned are cached").isEqualTo(2);
        }
    }
}

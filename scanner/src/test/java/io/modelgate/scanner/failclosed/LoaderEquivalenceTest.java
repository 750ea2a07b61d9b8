package io.modelgate.scanner.failclosed;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.archive.compress.DecodedStream;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.digest.Sha256;
import io.modelgate.scanner.e2e.InMemoryScan;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the mutants of {@code fixtures/mutants} against what Python's real readers did with them
 * ({@code results.tsv}, written by {@code generate.py}): every mutant a reader accepts is analysed, never
 * skipped; a payload the reader delivers with a complete pickle that imports os.system still fails the gate;
 * a stream the reader decodes cleanly is decoded to the same bytes; a damaged one is incomplete.
 */
class LoaderEquivalenceTest {

    /** The committed fixed-seed set; a longer run points this at a folder generated with more mutants. */
    private static final Path DIR = Path.of(System.getProperty("modelgate.mutants", "../fixtures/mutants"));

    private record Row(String file, String format, String mutation, boolean loaderClean, long payloadBytes,
                       String payloadSha256, boolean pickleComplete, String base, boolean reachesSystem) {

        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            return new Row(f[0], f[1], f[2], Boolean.parseBoolean(f[3]), Long.parseLong(f[4]), f[5],
                    Boolean.parseBoolean(f[6]), f[7], Boolean.parseBoolean(f[8]));
        }

        boolean onnx() {
            return format.equals("onnx");
        }
    }

    private static List<Row> rows() throws IOException {
        return Files.readAllLines(DIR.resolve("results.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(Row::parse).toList();
    }

    @Test
    void compressedMutantsAreAnalysedAsPythonReadsThem() throws IOException {
        Map<String, Integer> tally = new TreeMap<>();
        Map<String, Integer> payloads = new TreeMap<>();
        List<String> shorter = new java.util.ArrayList<>();
        for (Row row : rows()) {
            if (row.onnx()) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(DIR.resolve(row.file()));
            FileCollector scan = InMemoryScan.scan(row.file(), bytes);
            FileStatus status = status(scan);
            tally.merge(status.id(), 1, Integer::sum);
            if (row.payloadBytes() > 0) {
                assertThat(status).as(row.file()).isNotEqualTo(FileStatus.SKIPPED);
            }
            if (row.reachesSystem()) {
                assertThat(InMemoryScan.atLeast(scan, Severity.CRITICAL)).as(row.file()).isNotEmpty();
            }
            if (!row.loaderClean() && row.payloadBytes() > 0) {
                assertThat(scan.incompleteReasons()).as(row.file()).isNotEmpty();
            }
            if (status != FileStatus.SKIPPED) {
                Decoded ours = decode(row, bytes);
                if (row.loaderClean()) {
                    assertThat(ours.sha256()).as(row.file() + ": payload as Python decodes it")
                            .isEqualTo(row.payloadSha256());
                }
                String comparison = ours.sha256().equals(row.payloadSha256()) ? "same"
                        : ours.length() > row.payloadBytes() ? "longer" : "shorter";
                payloads.merge(comparison, 1, Integer::sum);
                if (comparison.equals("shorter")) {
                    shorter.add(row.file() + " (" + ours.length() + " < " + row.payloadBytes() + ")");
                }
            }
        }
        System.out.println("loader-equivalence compressed mutants by status: " + tally
                + "; decoded payload compared with Python's: " + payloads + "; shorter: " + shorter);
    }

    @Test
    void onnxWithUnknownFieldsIsReadLikeOnnxLoad() throws IOException {
        Map<String, Integer> tally = new TreeMap<>();
        for (Row row : rows()) {
            if (!row.onnx()) {
                continue;
            }
            FileCollector scan = InMemoryScan.scan(row.file().replace(".onnx", ".bin"),
                    Files.readAllBytes(DIR.resolve(row.file())));
            FileStatus status = status(scan);
            tally.merge(status.id(), 1, Integer::sum);
            assertThat(row.loaderClean()).as(row.file() + " accepted by onnx.load").isTrue();
            assertThat(scan.format()).as(row.file()).isEqualTo(ModelFormat.ONNX);
            assertThat(status).as(row.file()).isNotIn(FileStatus.SKIPPED, FileStatus.ERROR);
            if (row.mutation().equals("unknown-field")) {
                assertThat(scan.incompleteReasons()).as(row.file()).isEmpty();
            }
            if (scan.incompleteReasons().isEmpty()) {
                // read completely: as onnx.load reads it (a known field number with another wire type is
                // an unknown field to protobuf, and to the reader when it does not read that field)
                assertThat(scan.facts().get("onnx.nodeCount")).as(row.file()).isEqualTo(row.payloadBytes());
                if (row.base().equals("evil")) {
                    assertThat(InMemoryScan.ruleIds(scan)).as(row.file()).contains("MG-ONNX-003");
                }
            }
        }
        System.out.println("loader-equivalence onnx mutants by status: " + tally);
    }

    private record Decoded(String sha256, long length) {
    }

    private static Decoded decode(Row row, byte[] bytes) throws IOException {
        ModelFormat format = switch (row.format().replaceAll("-.*", "")) {
            case "gz" -> ModelFormat.GZIP;
            case "bz2" -> ModelFormat.BZIP2;
            case "xz" -> ModelFormat.XZ;
            case "lzma" -> ModelFormat.LZMA;
            default -> ModelFormat.ZLIB;
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = DecodedStream.open(format, new ArrayByteSource(bytes),
                Deadline.after(Duration.ofSeconds(30)))) {
            in.transferTo(out);
        } catch (IOException e) {
            // the header is broken: nothing is decoded (the scan reported it as corrupt)
        }
        return new Decoded(Sha256.ofBytes(out.toByteArray()), out.size());
    }

    private static FileStatus status(FileCollector scan) {
        return FileStatus.decide(false, !scan.incompleteReasons().isEmpty(), scan.findings(), scan.wasAnalysed());
    }
}

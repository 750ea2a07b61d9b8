package io.modelgate.scanner.openvino;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Severity;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenVINO IR graphs laid out as the IR v11 serializer writes them: net, layers (with data, ports), edges. */
class OpenvinoScanTest {

    @TempDir
    Path temp;

    static String layer(int id, String name, String type, String version, String data) {
        return "\t\t<layer id=\"" + id + "\" name=\"" + name + "\" type=\"" + type + "\" version=\"" + version + "\">\n"
                + (data.isEmpty() ? "" : "\t\t\t<data " + data + " />\n")
                + "\t\t\t<output>\n\t\t\t\t<port id=\"0\" precision=\"FP32\"><dim>1</dim><dim>16</dim></port>\n"
                + "\t\t\t</output>\n\t\t</layer>\n";
    }

    static String ir(String extraLayers) {
        return "<?xml version=\"1.0\"?>\n<net name=\"Model0\" version=\"11\">\n\t<layers>\n"
                + layer(0, "input", "Parameter", "opset1", "shape=\"1,16\" element_type=\"f32\"")
                + layer(1, "fc.weight", "Const", "opset1", "element_type=\"f32\" shape=\"16,16\" offset=\"0\" size=\"1024\"")
                + layer(2, "fc", "MatMul", "opset1", "transpose_a=\"false\" transpose_b=\"true\"")
                + layer(3, "relu", "Relu", "opset1", "")
                + layer(4, "attn", "ScaledDotProductAttention", "opset13", "causal=\"true\"")
                + extraLayers
                + layer(9, "output", "Result", "opset1", "")
                + "\t</layers>\n\t<edges>\n\t\t<edge from-layer=\"0\" from-port=\"0\" to-layer=\"2\" to-port=\"0\" />\n"
                + "\t</edges>\n\t<rt_info>\n\t\t<MO_version value=\"2024.4\" />\n\t</rt_info>\n</net>\n";
    }

    private Path write(String name, String xml, int binBytes) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, xml);
        if (binBytes >= 0) {
            Files.write(temp.resolve(name.replace(".xml", ".bin")), new byte[binBytes]);
        }
        return file;
    }

    @Test
    void benignModelWithItsWeightsIsClean() throws IOException {
        FileResult result = Scanner.withDefaults().scanFile(write("model.xml", ir(""), 1024));
        assertThat(result.format()).isEqualTo("openvino-ir");
        assertThat(result.status()).isEqualTo(FileStatus.CLEAN);
        assertThat(result.facts()).containsEntry("openvino.irVersion", "11").containsEntry("openvino.layerCount", 6L);
        FileResult weights = Scanner.withDefaults().scanFile(temp.resolve("model.bin"));
        assertThat(weights.status()).isNotIn(FileStatus.INCOMPLETE, FileStatus.ERROR);
        assertThat(weights.findings()).isEmpty();
    }

    @Test
    void extensionAndUnknownOperationsAreReviewed() {
        String xml = ir(layer(5, "steal", "ReadSecrets", "extension", "path=\"/etc/shadow\"")
                + layer(6, "disguised", "FileWriter", "opset1", ""));
        FileCollector scan = ArtifactScan.scan("model.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(scan.findings()).extracting(f -> f.ruleId() + " " + f.subject())
                .containsExactlyInAnyOrder("MG-OV-001 ReadSecrets", "MG-OV-001 FileWriter");
    }

    @Test
    void customLayerInsideALoopBodyIsFound() {
        String body = "\t\t<layer id=\"7\" name=\"loop\" type=\"Loop\" version=\"opset5\">\n\t\t\t<body>\n\t\t\t\t<layers>\n"
                + layer(0, "inner", "MyOp", "custom_opset", "") + "\t\t\t\t</layers>\n\t\t\t</body>\n\t\t</layer>\n";
        FileCollector scan = ArtifactScan.scan("model.xml", ir(body).getBytes(StandardCharsets.UTF_8));
        assertThat(ArtifactScan.ruleIds(scan)).containsExactly("MG-OV-001");
    }

    @Test
    void weightsMissingOrTooShortAreFindings() throws IOException {
        FileResult missing = Scanner.withDefaults().scanFile(write("a.xml", ir(""), -1));
        assertThat(missing.findings()).extracting(f -> f.ruleId()).containsExactly("MG-OV-002");
        FileResult shortWeights = Scanner.withDefaults().scanFile(write("b.xml", ir(""), 100));
        assertThat(shortWeights.findings()).extracting(f -> f.ruleId()).containsExactly("MG-OV-002");
    }

    @Test
    void entitiesDoctypesAndMalformedXmlAreIncompleteNeverExpanded() {
        String laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE net [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;"
                + "&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<net name=\"&c;\" version=\"11\">"
                + "<layers></layers></net>";
        String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE net [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<net name=\"m\" version=\"11\"><layers>" + layer(0, "&x;", "Parameter", "opset1", "")
                + "</layers></net>";
        for (String xml : new String[]{laughs, external, ir("").substring(0, 300), ir("") + "<net>",
                ir("").replace("type=\"Relu\"", "type=Relu")}) {
            FileCollector scan = ArtifactScan.scan("model.xml", xml.getBytes(StandardCharsets.UTF_8));
            assertThat(scan.format().id()).isEqualTo("openvino-ir");
            assertThat(scan.incompleteReasons()).as(xml).isNotEmpty();
            assertThat(scan.findings()).noneMatch(f -> f.message() != null && f.message().contains("root:"));
        }
        String deep = "<net version=\"11\">" + "<a>".repeat(1000) + "</a>".repeat(1000) + "</net>";
        assertThat(ArtifactScan.scan("m.xml", deep.getBytes(StandardCharsets.UTF_8)).incompleteReasons())
                .singleElement().asString().contains("deeper");
    }

    @Test
    void otherXmlIsNotTakenForAModel() {
        FileCollector scan = ArtifactScan.scan("pom.xml", "<?xml version=\"1.0\"?>\n<project><network/></project>"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(scan.format().id()).isNotEqualTo("openvino-ir");
    }

    @Test
    void mutatedGraphsNeverCrashAndNeverHideTheExtensionLayer() {
        String original = ir(layer(5, "steal", "ReadSecrets", "extension", ""));
        Random random = new Random(77);
        for (int round = 0; round < 200; round++) {
            char[] chars = original.toCharArray();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                chars[random.nextInt(chars.length)] = "<>/=\"& a!".charAt(random.nextInt(9));
            }
            String mutant = new String(chars);
            FileCollector scan = ArtifactScan.scan("model.xml", mutant.getBytes(StandardCharsets.UTF_8));
            FileStatus status = Mutants.status(scan);
            assertThat(status).as(mutant).isNotEqualTo(FileStatus.ERROR);
            if (mutant.contains("type=\"ReadSecrets\" version=\"extension\"") && scan.format().id().equals("openvino-ir")) {
                assertThat(status).as(mutant).isNotEqualTo(FileStatus.CLEAN);
            }
        }
    }
}

package io.modelgate.scanner.skops;

import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.archive.ZipBuilder;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.testing.ArtifactScan;
import io.modelgate.scanner.testing.Mutants;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * skops archives written as skops.io.dump lays them out: schema.json (nodes with __class__, __module__,
 * __loader__ and content) beside the arrays it references as .npy members.
 */
class SkopsScanTest {

    static String json(String value) {
        return "{\"__class__\": \"str\", \"__module__\": \"builtins\", \"__loader__\": \"JsonNode\", \"content\": \""
                + value.replace("\"", "\\\"") + "\", \"is_json\": true}";
    }

    static String array(String file) {
        return "{\"__class__\": \"ndarray\", \"__module__\": \"numpy\", \"__loader__\": \"NdArrayNode\", "
                + "\"type\": \"numpy\", \"file\": \"" + file + "\"}";
    }

    static String strTypes(int count) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < count; i++) {
            items.append(i == 0 ? "" : ", ")
                    .append("{\"__class__\": \"str\", \"__module__\": \"builtins\", \"__loader__\": \"TypeNode\"}");
        }
        return "{\"__class__\": \"list\", \"__module__\": \"builtins\", \"__loader__\": \"ListNode\", \"content\": ["
                + items + "]}";
    }

    static String object(String module, String name, String attributes, int count) {
        return "{\"__class__\": \"" + name + "\", \"__module__\": \"" + module + "\", \"__loader__\": \"ObjectNode\", "
                + "\"content\": {\"__class__\": \"dict\", \"__module__\": \"builtins\", \"__loader__\": \"DictNode\", "
                + "\"content\": {" + attributes + "}, \"key_types\": " + strTypes(count) + "}}";
    }

    static String function(String module, String name) {
        return "{\"__class__\": \"" + name + "\", \"__module__\": \"" + module + "\", \"__loader__\": \"FunctionNode\"}";
    }

    /** A pipeline: a FunctionTransformer with {@code func}, then a fitted logistic regression. */
    static String pipeline(String func) {
        String transformer = object("sklearn.preprocessing._function_transformer", "FunctionTransformer",
                "\"func\": " + func + ", \"validate\": " + json("false"), 2);
        String regression = object("sklearn.linear_model._logistic", "LogisticRegression",
                "\"C\": " + json("1.0") + ", \"coef_\": " + array("140.npy") + ", \"classes_\": " + array("141.npy")
                        + ", \"_sklearn_version\": " + json("\"1.5.2\""), 4);
        String steps = "{\"__class__\": \"list\", \"__module__\": \"builtins\", \"__loader__\": \"ListNode\", \"content\": ["
                + "{\"__class__\": \"tuple\", \"__module__\": \"builtins\", \"__loader__\": \"TupleNode\", \"content\": ["
                + json("\"log\"") + ", " + transformer + "]}, "
                + "{\"__class__\": \"tuple\", \"__module__\": \"builtins\", \"__loader__\": \"TupleNode\", \"content\": ["
                + json("\"clf\"") + ", " + regression + "]}]}";
        String root = object("sklearn.pipeline", "Pipeline", "\"steps\": " + steps + ", \"verbose\": " + json("false"), 2);
        return root.substring(0, root.length() - 1) + ", \"protocol\": 2, \"_skops_version\": \"0.10.0\"}";
    }

    static byte[] npy(String descr, int count) {
        String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + count + ",), }";
        int padding = 64 - (10 + header.length() + 1) % 64;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int length = header.length() + padding % 64 + 1;
        out.write(length & 0xff);
        out.write(length >>> 8);
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(" ".repeat(padding % 64).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
        out.writeBytes(new byte[count * 8]);
        return out.toByteArray();
    }

    static byte[] skops(String schema) {
        ZipBuilder zip = new ZipBuilder();
        zip.add("schema.json", schema.getBytes(StandardCharsets.UTF_8), ZipBuilder.DEFLATED);
        zip.add("140.npy", npy("<f8", 4), ZipBuilder.DEFLATED);
        zip.add("141.npy", npy("<i8", 2), ZipBuilder.DEFLATED);
        return zip.build();
    }

    @Test
    void benignPipelineIsClean() {
        FileCollector scan = ArtifactScan.scan("model.skops", skops(pipeline(function("numpy", "log1p"))));
        assertThat(scan.format().id()).isEqualTo("skops");
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(ArtifactScan.aboveInfo(scan)).isEmpty();
        assertThat(scan.facts()).containsEntry("model.skops!schema.json#skops.protocol", 2L);
        assertThat(scan.facts().get("model.skops!schema.json#skops.types").toString())
                .contains("sklearn.pipeline.Pipeline", "sklearn.linear_model._logistic.LogisticRegression");
    }

    @Test
    void decisionTreeWithItsTreeNodeAndNumpyScalarsIsClean() {
        String scalar = "{\"__class__\": \"bool\", \"__module__\": \"numpy\", \"__loader__\": \"NdArrayNode\", "
                + "\"type\": \"numpy\", \"file\": \"141.npy\"}";
        String tuple = "{\"__class__\": \"tuple\", \"__module__\": \"builtins\", \"__loader__\": \"TupleNode\", "
                + "\"content\": [" + json("4") + ", " + array("140.npy") + ", " + json("2") + "]}";
        String tree = "{\"__class__\": \"Tree\", \"__module__\": \"sklearn.tree._tree\", \"__loader__\": \"TreeNode\", "
                + "\"__reduce__\": {\"args\": " + tuple + "}, \"content\": {\"__class__\": \"dict\", \"__module__\": "
                + "\"builtins\", \"__loader__\": \"DictNode\", \"content\": {\"max_depth\": " + json("3") + "}, "
                + "\"key_types\": " + strTypes(1) + "}}";
        String root = object("sklearn.tree._classes", "DecisionTreeClassifier", "\"tree_\": " + tree
                + ", \"n_outputs_\": " + json("1") + ", \"_is_fitted\": " + scalar + ", \"classes_\": " + array("140.npy"), 4);
        String schema = root.substring(0, root.length() - 1) + ", \"protocol\": 2, \"_skops_version\": \"0.11.0\"}";
        FileCollector scan = ArtifactScan.scan("tree.skops", skops(schema));
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(ArtifactScan.aboveInfo(scan)).isEmpty();
    }

    @Test
    void detectedByContentWhateverTheName() {
        assertThat(ArtifactScan.scan("model.zip", skops(pipeline(function("numpy", "log1p")))).format().id())
                .isEqualTo("skops");
    }

    @Test
    void schemaInAZipThatDoesNotLookLikeSkopsIsStillJudged() {
        ZipBuilder zip = new ZipBuilder();
        zip.add("schema.json", pipeline(function("posix", "system")).getBytes(StandardCharsets.UTF_8), ZipBuilder.DEFLATED);
        zip.add("140.npy", npy("<f8", 4), ZipBuilder.DEFLATED);
        zip.add("docs/README.txt", "a harmless model");
        FileCollector scan = ArtifactScan.scan("model.skops", zip.build());
        assertThat(scan.format().id()).isEqualTo("zip");
        assertThat(ArtifactScan.ruleIds(scan)).contains("MG-SKOPS-001");
    }

    @Test
    void dangerousFunctionIsCritical() {
        FileCollector scan = ArtifactScan.scan("model.skops", skops(pipeline(function("posix", "system"))));
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(scan.findings()).filteredOn(f -> f.ruleId().equals("MG-SKOPS-001"))
                .singleElement().satisfies(f -> assertThat(f.subject()).isEqualTo("posix.system"));
    }

    @Test
    void dangerousMethodAndOperatorAreCritical() {
        String method = "{\"__class__\": \"Popen\", \"__module__\": \"subprocess\", \"__loader__\": \"MethodNode\", "
                + "\"content\": {\"func\": \"communicate\", \"obj\": " + object("subprocess", "Popen", "", 0) + "}}";
        String getter = "{\"__class__\": \"methodcaller\", \"__module__\": \"operator\", \"__loader__\": "
                + "\"OperatorFuncNode\", \"attrs\": {\"__class__\": \"tuple\", \"__module__\": \"builtins\", "
                + "\"__loader__\": \"TupleNode\", \"content\": [" + json("\"system\"") + "]}}";
        FileCollector method1 = ArtifactScan.scan("m.skops", skops(pipeline(method)));
        assertThat(method1.findings()).anyMatch(f -> f.ruleId().equals("MG-SKOPS-001")
                && f.subject().startsWith("subprocess.Popen"));
        FileCollector operator = ArtifactScan.scan("m.skops", skops(pipeline(getter)));
        assertThat(operator.findings()).anyMatch(f -> f.ruleId().equals("MG-SKOPS-001")
                && f.subject().equals("operator.methodcaller"));
    }

    @Test
    void unknownTypeIsReviewed() {
        FileCollector scan = ArtifactScan.scan("m.skops", skops(pipeline(object("acme.features", "Extractor", "", 0))));
        assertThat(ArtifactScan.ruleIds(scan)).containsExactly("MG-SKOPS-002");
    }

    @Test
    void unknownLoaderAndMalformedSchemasAreIncomplete() {
        String unknownLoader = pipeline(function("numpy", "log1p")).replace("\"FunctionNode\"", "\"ShellNode\"");
        assertThat(ArtifactScan.scan("m.skops", skops(unknownLoader)).incompleteReasons()).singleElement().asString()
                .contains("ShellNode");
        assertThat(ArtifactScan.scan("m.skops", skops("{\"not\": \"skops\"}")).incompleteReasons()).isNotEmpty();
        assertThat(ArtifactScan.scan("m.skops", skops("{\"__loader__\": ")).incompleteReasons()).isNotEmpty();
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(ArtifactScan.scan("m.skops", skops(deep)).incompleteReasons()).isNotEmpty();
        String noModule = pipeline(function("numpy", "log1p")).replace("\"__module__\": \"numpy\", \"__loader__\": "
                + "\"FunctionNode\"", "\"__loader__\": \"FunctionNode\"");
        assertThat(ArtifactScan.scan("m.skops", skops(noModule)).incompleteReasons()).isNotEmpty();
    }

    /** A megabyte-long key over thousands of children: report paths stay short, memory stays bounded. */
    @Test
    void longKeysOverWideSubtreesStayCheap() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            items.append(i == 0 ? "" : ",").append(function("numpy", "log1p"));
        }
        String schema = "{\"__class__\": \"dict\", \"__module__\": \"builtins\", \"__loader__\": \"DictNode\", "
                + "\"content\": {\"" + "k".repeat(1_000_000) + "\": [" + items + "]}, \"key_types\": " + strTypes(1)
                + ", \"protocol\": 2}";
        ZipBuilder zip = new ZipBuilder();
        // stored: deflated, the repeated key would trip the zip bomb guard before the schema is read
        zip.add("schema.json", schema.getBytes(StandardCharsets.UTF_8), ZipBuilder.STORED);
        FileCollector scan = ArtifactScan.scan("wide.skops", zip.build());
        assertThat(scan.incompleteReasons()).isEmpty();
        assertThat(ArtifactScan.aboveInfo(scan)).isEmpty();
    }

    @Test
    void truncatedArchivesAreIncomplete() {
        byte[] bytes = skops(pipeline(function("posix", "system")));
        for (int cut : new int[]{bytes.length / 4, bytes.length / 2, bytes.length - 30}) {
            FileCollector scan = ArtifactScan.scan("m.skops", Arrays.copyOf(bytes, cut));
            assertThat(Mutants.status(scan)).as("cut " + cut).isNotIn(FileStatus.CLEAN, FileStatus.ERROR);
        }
    }

    /** Mutated schemas: never an error, never clean while the dangerous function is still named. */
    @Test
    void mutatedSchemasNeverHideTheDangerousFunction() {
        String schema = pipeline(function("posix", "system"));
        Random random = new Random(31);
        for (int round = 0; round < 120; round++) {
            char[] chars = schema.toCharArray();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                chars[random.nextInt(chars.length)] = "{}[]\",: ax_".charAt(random.nextInt(11));
            }
            String mutant = new String(chars);
            FileCollector scan = ArtifactScan.scan("m.skops", skops(mutant));
            FileStatus status = Mutants.status(scan);
            assertThat(status).as(mutant).isNotEqualTo(FileStatus.ERROR);
            if (mutant.contains("\"__class__\": \"system\", \"__module__\": \"posix\", \"__loader__\": \"FunctionNode\"")) {
                assertThat(status).as(mutant).isNotEqualTo(FileStatus.CLEAN);
            }
        }
    }
}

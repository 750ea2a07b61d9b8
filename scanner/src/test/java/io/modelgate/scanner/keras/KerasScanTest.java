package io.modelgate.scanner.keras;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KerasScanTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "keras");
    private static final Scanner SCANNER = Scanner.withDefaults();

    @TempDir
    Path temp;

    @Test
    void benignKerasArchivesAreCleanAndTheirConfigIsChecked() {
        for (String name : List.of("dense_sequential.keras", "functional_wrappers.keras")) {
            FileResult result = SCANNER.scanFile(FIXTURES.resolve("benign").resolve(name));
            assertThat(result.format()).as(name).isEqualTo("keras");
            assertThat(result.innerFormats()).as(name).contains("keras-config", "hdf5");
            assertThat(result.status()).as(name).isEqualTo(FileStatus.CLEAN);
            assertThat(result.facts().keySet()).as(name).anyMatch(k -> k.endsWith("keras.configObjects"));
        }
    }

    @Test
    void referencesInsideWrappersAndNestedModelsAreFound() throws IOException {
        String inner = "{\"module\": \"keras.layers\", \"class_name\": \"Dense\", \"config\": {\"name\": \"deep\", "
                + "\"activation\": {\"module\": \"builtins\", \"class_name\": \"function\", \"config\": \"eval\"}}}";
        String wrapped = "{\"module\": \"keras.layers\", \"class_name\": \"TimeDistributed\", \"config\": "
                + "{\"name\": \"td\", \"layer\": " + inner + "}}";
        String nestedModel = "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"inner\", "
                + "\"layers\": [" + wrapped + "]}}";
        Path config = temp.resolve("config.json");
        Files.writeString(config, "{\"module\": \"keras.src.models.functional\", \"class_name\": \"Functional\", "
                + "\"config\": {\"name\": \"outer\", \"layers\": [" + nestedModel + "]}}");
        FileResult result = SCANNER.scanFile(config);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-KER-002");
            assertThat(f.subject()).isEqualTo("builtins.eval");
            assertThat(f.message()).contains("Dense 'deep' in TimeDistributed 'td'");
        });
    }

    @Test
    void legacyHdf5ModelConfigIsCheckedAndPlainHdf5IsFine() {
        FileResult legacy = SCANNER.scanFile(FIXTURES.resolve("benign/legacy_dense.h5"));
        assertThat(legacy.format()).isEqualTo("hdf5");
        assertThat(legacy.status()).isEqualTo(FileStatus.CLEAN);
        assertThat(legacy.facts()).containsEntry("hdf5.kerasModel", true).containsEntry("keras.version", "2.13.1")
                .containsEntry("keras.modelClass", "Sequential");
        FileResult plain = SCANNER.scanFile(FIXTURES.resolve("benign/plain_weights.h5"));
        assertThat(plain.status()).isEqualTo(FileStatus.CLEAN);
        assertThat(plain.facts()).containsEntry("hdf5.kerasModel", false);
    }

    @Test
    void lambdaBytecodeIsCritical() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("malicious/lambda_bytecode.keras"));
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("MG-KER-001");
        assertThat(result.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(result.findings().get(0).message()).contains("Lambda 'lambda'");
    }

    @Test
    void legacyLambdaInHdf5IsCritical() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("malicious/legacy_lambda.h5"));
        assertThat(result.findings()).extracting(Finding::ruleId).containsExactly("MG-KER-001");
        assertThat(result.findings().get(0).message()).contains("model_config");
    }

    @Test
    void osReferencesAndSafeModeSwitchAreCritical() {
        for (String name : List.of("os_system_activation.keras", "registered_os_system.keras", "enable_unsafe.keras")) {
            FileResult result = SCANNER.scanFile(FIXTURES.resolve("malicious").resolve(name));
            assertThat(result.findings()).as(name).extracting(Finding::ruleId).containsExactly("MG-KER-002");
        }
        FileResult activation = SCANNER.scanFile(FIXTURES.resolve("malicious/os_system_activation.keras"));
        assertThat(activation.findings().get(0).subject()).isEqualTo("os.system");
        assertThat(activation.findings().get(0).message()).contains("Dense 'dense'");
    }

    @Test
    void customPackageIsAReviewFinding() {
        FileResult result = SCANNER.scanFile(FIXTURES.resolve("review/custom_layer.keras"));
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-KER-003");
            assertThat(f.rule().category()).isEqualTo("unknown");
            assertThat(f.subject()).isEqualTo("MyProject>Attention");
        });
    }

    @Test
    void standaloneConfigJsonIsDetectedByContentEvenWhenPadded() throws IOException {
        String padding = "\"zz_padding\": \"" + "x".repeat(20_000) + "\", ";
        Path config = temp.resolve("config.json");
        Files.writeString(config, "{" + padding + "\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", "
                + "\"layers\": [{\"module\": \"subprocess\", \"class_name\": \"Popen\", \"config\": {\"name\": \"p\"}}]}}");
        FileResult result = SCANNER.scanFile(config);
        assertThat(result.format()).isEqualTo("keras-config");
        assertThat(result.findings()).extracting(Finding::subject).containsExactly("subprocess.Popen");
        Path hfConfig = temp.resolve("hf.json");
        Files.writeString(hfConfig, "{\"architectures\": [\"BertModel\"], \"model_type\": \"bert\"}");
        assertThat(SCANNER.scanFile(hfConfig).format()).isNotEqualTo("keras-config");
    }

    @Test
    void oversizedConfigIsRecognisedAndIncomplete() throws IOException {
        Path config = temp.resolve("big.json");
        Files.writeString(config, "{\"padding\": \"" + "x".repeat(KerasJson.MAX_CONFIG_BYTES + 10)
                + "\", \"class_name\": \"Sequential\", \"config\": {}}");
        FileResult result = SCANNER.scanFile(config);
        assertThat(result.format()).isEqualTo("keras-config");
        assertThat(result.status()).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void duplicateKeysAndDeepNestingFailClosed() throws IOException {
        Path duplicate = temp.resolve("dup.json");
        Files.writeString(duplicate, "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"a\", \"name\": \"b\"}}");
        FileResult dup = SCANNER.scanFile(duplicate);
        assertThat(dup.format()).isEqualTo("keras-config");
        assertThat(dup.status()).isEqualTo(FileStatus.INCOMPLETE);

        Path deep = temp.resolve("deep.json");
        String nested = "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000);
        Files.writeString(deep, "{\"class_name\": \"Sequential\", \"config\": " + nested + "}");
        FileResult deepResult = SCANNER.scanFile(deep);
        assertThat(deepResult.status()).isNotEqualTo(FileStatus.CLEAN);
        assertThat(deepResult.status()).isNotEqualTo(FileStatus.ERROR);
    }

    @Test
    void tfKerasSavedModelMetadataIsChecked() {
        Path tf = Path.of("..", "fixtures", "tensorflow");
        FileResult benign = SCANNER.scanFile(tf.resolve("benign/dense_savedmodel/keras_metadata.pb"));
        assertThat(benign.format()).isEqualTo("keras-saved-metadata");
        assertThat(benign.status()).isEqualTo(FileStatus.CLEAN);
        assertThat(benign.facts()).containsEntry("keras.savedObjects", 3L).containsEntry("keras.modelClass", "Sequential");
        FileResult lambda = SCANNER.scanFile(tf.resolve("malicious/keras_lambda_savedmodel/keras_metadata.pb"));
        assertThat(lambda.findings()).extracting(Finding::ruleId).containsOnly("MG-KER-001");
        assertThat(lambda.findings().get(0).message()).contains("Lambda 'lambda'");
    }

    @Test
    void corruptHdf5IsIncompleteNotACrash() throws IOException {
        byte[] original = Files.readAllBytes(FIXTURES.resolve("benign/legacy_dense.h5"));
        byte[] corrupt = original.clone();
        for (int i = 64; i < Math.min(corrupt.length, 2048); i++) {
            corrupt[i] = (byte) 0xff;
        }
        Path file = temp.resolve("corrupt.h5");
        Files.write(file, corrupt);
        FileResult result = SCANNER.scanFile(file);
        assertThat(result.format()).isEqualTo("hdf5");
        assertThat(result.status()).isEqualTo(FileStatus.INCOMPLETE);
        assertThat(String.join(" ", result.incompleteReasons()).getBytes(StandardCharsets.UTF_8)).isNotEmpty();
    }
}

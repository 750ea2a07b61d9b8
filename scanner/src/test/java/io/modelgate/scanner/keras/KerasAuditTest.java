package io.modelgate.scanner.keras;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Layers that read files, wrap other models or carry serialized data; HDF5 external links. */
class KerasAuditTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "keras");
    private static final Scanner SCANNER = Scanner.withDefaults();

    @TempDir
    Path temp;

    private static FileResult scan(String fixture) {
        return SCANNER.scanFile(FIXTURES.resolve(fixture));
    }

    @Test
    void inlineVocabulariesAreClean() {
        FileResult result = scan("benign/inline_vocabularies.keras");
        assertThat(result.status()).isEqualTo(FileStatus.CLEAN);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void vocabularyFilePathIsReported() {
        assertThat(scan("malicious/vocabulary_path.keras").findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-KER-005");
            assertThat(f.subject()).isEqualTo("/etc/passwd");
            assertThat(f.message()).contains("StringLookup 'lookup'", "'vocabulary'");
        });
    }

    @Test
    void hubLayerHandleIsAWrappedModel() {
        assertThat(scan("malicious/hub_layer.h5").findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-KER-005");
            assertThat(f.message()).contains("loads the model at 'https://tfhub.dev/google/nnlm-en-dim50/2'");
        });
    }

    @Test
    void lambdaInsideANestedConfigStringIsFound() {
        FileResult result = scan("malicious/nested_config_lambda.keras");
        assertThat(result.findings()).extracting(Finding::ruleId).contains("MG-KER-001", "MG-KER-003");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("MG-KER-001")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("a config nested in ModelWrapper 'wrapper'"));
    }

    @Test
    void pickledStateInAConfigIsAnalysedAsAPickle() {
        FileResult result = scan("malicious/pickled_blob.keras");
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.ruleId()).startsWith("MG-PKL");
            assertThat(f.location().toString()).contains("config.json!base64 in Stateful 'stateful'");
        });
        assertThat(result.innerFormats()).contains("pickle");
    }

    @Test
    void bytecodeIsFoundWithoutItsTypeMarker() {
        assertThat(scan("malicious/bytecode_without_type.h5").findings()).extracting(Finding::ruleId)
                .contains("MG-KER-001");
        assertThat(scan("malicious/legacy_lambda.h5").findings()).extracting(Finding::ruleId)
                .containsOnlyOnce("MG-KER-001");
    }

    @Test
    void hdf5ExternalLinkIsReportedNotFollowed() {
        FileResult result = scan("malicious/external_link.h5");
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-KER-006");
            assertThat(f.message()).contains("/tmp/replacement_weights.h5", "/layers/dense/vars/1");
        });
        assertThat(result.facts()).containsEntry("hdf5.externalLinks", 1L);
    }

    @Test
    void hdf5ExternalStorageIsReportedAndIncomplete() {
        FileResult result = scan("malicious/external_storage.h5");
        assertThat(result.findings()).extracting(Finding::ruleId).contains("MG-KER-006");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("MG-KER-006")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("/layers/dense/vars/", "external files"));
        assertThat(result.status()).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void base64NamesAndShortTokensAreNotBlobs() throws IOException {
        String longName = "averyveryverylonglayernamewithoutanyseparatorsatallx";
        String marshal = Base64.getEncoder().encodeToString(new byte[]{(byte) 0xe3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        Path config = temp.resolve("config.json");
        Files.writeString(config, "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", "
                + "\"layers\": [{\"module\": \"keras.layers\", \"class_name\": \"Dense\", \"config\": {\"name\": \""
                + longName + "\", \"units\": 4, \"notes\": \"" + marshal + "\"}}]}}");
        FileResult result = SCANNER.scanFile(config);
        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MG-KER-001");
            assertThat(f.subject()).contains("base64 bytecode");
        });
    }
}

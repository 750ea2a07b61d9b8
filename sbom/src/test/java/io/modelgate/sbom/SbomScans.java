package io.modelgate.sbom;

import io.modelgate.assessment.AssessmentBuilder;
import io.modelgate.assessment.ScanAssessment;
import io.modelgate.provenance.kb.KnowledgeBaseLoader;
import io.modelgate.verification.VerificationChecks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real scans of the committed fixtures, assessed as the command line assesses them. */
public final class SbomScans {

    public static final Path FIXTURES = Path.of("..", "fixtures");

    private SbomScans() {
    }

    public static ScanAssessment assess(Path... paths) throws IOException {
        return new AssessmentBuilder(KnowledgeBaseLoader.builtIn())
                .build(VerificationChecks.defaultScanner().scan(List.of(paths)));
    }

    /** A jar that bundles an ONNX model next to its manifest, as Java libraries ship models. */
    public static Path jarWithOnnx(Path dir) throws IOException {
        Path jar = dir.resolve("classifier-1.2.0.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\nImplementation-Title: classifier\nImplementation-Version: 1.2.0\n\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("models/mlp.onnx"));
            zip.write(Files.readAllBytes(FIXTURES.resolve("onnx/benign/mlp_opset17.onnx")));
            zip.closeEntry();
        }
        return jar;
    }

    /** A Hugging Face classifier folder whose card states its task, intended use, limits and risks. */
    public static Path classifierWithCard(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("review-sentiment"));
        Files.writeString(folder.resolve("config.json"), """
                {"architectures": ["BertForSequenceClassification"], "model_type": "bert", "hidden_size": 768,
                 "num_hidden_layers": 12, "vocab_size": 30522}
                """);
        Files.writeString(folder.resolve("README.md"), """
                ---
                license: apache-2.0
                pipeline_tag: text-classification
                ---
                # review-sentiment

                ## Intended uses & limitations
                Sentiment of English product reviews.

                ## Limitations
                Short texts only.

                ## Ethical considerations
                Reviews carry the biases of their writers.

                ## Out-of-Scope Use
                Decisions about people.
                """);
        return folder;
    }
}

package io.modelgate.scanner.failclosed;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.e2e.InMemoryScan;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.protobuf.ProtoWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A file named like a model that no analyser reads is incomplete; positively identified data is skipped. */
class UnreadModelFileTest {

    private static byte[] unknownBinary() {
        byte[] bytes = new byte[512];
        new Random(3).nextBytes(bytes);
        bytes[0] = 0x01;
        bytes[13] = 0x01;
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"model.pkl", "weights.pt", "model.pth", "est.joblib", "x.dill", "m.sav", "a.npy",
            "b.npz", "m.onnx", "saved_model.pb", "m.gguf", "m.safetensors", "m.h5", "m.keras", "w.ckpt",
            "model.pdparams", "MODEL.PKL", "inference.pdmodel", "inference.pdiparams", "resnet-0000.params",
            "flax_model.msgpack", "m.flax", "model.tflite", "m.lite", "m.mlmodel", "m.pte", "m.ptl", "m.ggml",
            "m.llamafile", "m.nemo", "m.skops", "m.mar", "m.engine", "m.plan", "m.xmodel", "m.mnn", "m.caffemodel",
            "m.t7", "m.dlc", "m.rknn", "m.ort", "m.torchscript",
            "sha256-6a0746a1ec1aef3e7ec53868f220ff6e389f6f8ef87a01d77c96807de94ca2aa"})
    void unknownContentUnderAModelNameIsIncomplete(String name) throws IOException {
        FileCollector scan = InMemoryScan.scan(name, unknownBinary());

        assertThat(status(scan)).isEqualTo(FileStatus.INCOMPLETE);
        // The generic reason, or the reason of a reader that claims the name (TFLite, Core ML, ExecuTorch).
        assertThat(scan.incompleteReasons()).singleElement().asString()
                .containsAnyOf("not recognised as any format ModelGate reads", "format not analysed",
                        "cannot analyse");
        assertThat(InMemoryScan.ruleIds(scan)).contains(CoreRules.INCOMPLETE.id());
    }

    @Test
    void plainTextUnderAPickleNameIsIncompleteButNotUnderOtherNames() throws IOException {
        byte[] text = "just some words, not a pickle\n".getBytes();

        assertThat(status(InMemoryScan.scan("model.pkl", text))).isEqualTo(FileStatus.INCOMPLETE);
        assertThat(status(InMemoryScan.scan("notes.txt", text))).isEqualTo(FileStatus.SKIPPED);
        assertThat(status(InMemoryScan.scan("model.onnx", text))).isEqualTo(FileStatus.SKIPPED);
    }

    @Test
    void namesOtherLoadersClaimSayWhichLoaderAndThatTheFormatIsNotAnalysed() throws IOException {
        FileCollector scan = InMemoryScan.scan("model.engine", unknownBinary());

        assertThat(scan.incompleteReasons()).singleElement().asString().contains(": format not analysed: ")
                .contains("a TensorRT engine");
    }

    @Test
    void textUnderNamesOnlyBinaryLoadersClaimIsSkippedButTorch7AsciiIsNot() throws IOException {
        byte[] text = "step 1: collect the data\nstep 2: train\n".getBytes();

        for (String name : new String[]{"release.plan", "game.engine", "run.params", "notes.lite", "a.msgpack"}) {
            assertThat(status(InMemoryScan.scan(name, text))).as(name).isEqualTo(FileStatus.SKIPPED);
        }
        assertThat(status(InMemoryScan.scan("net.t7", text))).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void mozillaUpdateArchiveNamedMarIsData() throws IOException {
        byte[] mar = unknownBinary();
        System.arraycopy(new byte[]{'M', 'A', 'R', '1'}, 0, mar, 0, 4);

        assertThat(status(InMemoryScan.scan("complete.mar", mar))).isEqualTo(FileStatus.SKIPPED);
        assertThat(status(InMemoryScan.scan("handler.mar", unknownBinary()))).isEqualTo(FileStatus.INCOMPLETE);
    }

    @Test
    void everyRecognisedFormatIsAnalysedOrPositivelyData() {
        java.util.Set<ModelFormat> analysed = new java.util.HashSet<>();
        io.modelgate.scanner.FormatRegistry.analyzers().forEach(a -> analysed.addAll(a.formats()));
        for (ModelFormat format : ModelFormat.values()) {
            boolean covered = false;
            for (ModelFormat f = format; f != null && !covered; f = f.parent().orElse(null)) {
                covered = analysed.contains(f);
            }
            boolean data = format == ModelFormat.SENTENCEPIECE || format == ModelFormat.TF_FINGERPRINT
                    || format == ModelFormat.XET_CHUNK_CACHE || format == ModelFormat.XET_SHARD
                    || !format.isModelContent();
            boolean refinementOnly = format == ModelFormat.JOBLIB; // recorded by the pickle analyser, never dispatched
            data |= refinementOnly;
            assertThat(covered || data).as(format.id()).isTrue();
        }
    }

    @Test
    void unknownBinaryUnderOtherNamesIsStillSkipped() throws IOException {
        assertThat(status(InMemoryScan.scan("blob.dat", unknownBinary()))).isEqualTo(FileStatus.SKIPPED);
        assertThat(status(InMemoryScan.scan("noext", unknownBinary()))).isEqualTo(FileStatus.SKIPPED);
    }

    @Test
    void binCountsOnlyWhenItStartsLikeWhatTorchLoadReads() throws IOException {
        byte[] brokenPickle = unknownBinary();
        brokenPickle[0] = (byte) 0x80;
        brokenPickle[1] = 2;

        assertThat(status(InMemoryScan.scan("pytorch_model.bin", brokenPickle))).isEqualTo(FileStatus.INCOMPLETE);
        assertThat(status(InMemoryScan.scan("group1-shard1of1.bin", unknownBinary()))).isEqualTo(FileStatus.SKIPPED);
    }

    @Test
    void unreadModelNameInsideAnArchiveMakesTheArchiveIncomplete() throws IOException {
        FileCollector scan = InMemoryScan.scan("model.pkl.gz", gzip(unknownBinary()));

        assertThat(status(scan)).isEqualTo(FileStatus.INCOMPLETE);
        assertThat(scan.incompleteReasons()).singleElement().asString().contains("'model.pkl'");
    }

    @Test
    void realSentencePieceTokenizerIsRecognisedAndSkipped() throws IOException {
        byte[] model = Files.readAllBytes(Path.of("..", "fixtures", "tokenizers", "tokenizer.model"));

        FileCollector scan = InMemoryScan.scan("tokenizer.model", model);

        assertThat(scan.format()).isEqualTo(ModelFormat.SENTENCEPIECE);
        assertThat(status(scan)).isEqualTo(FileStatus.SKIPPED);
    }

    @Test
    void savedModelFingerprintIsRecognisedAndSkipped() throws IOException {
        ProtoWriter version = new ProtoWriter().varintField(1, 1660);
        byte[] fingerprint = new ProtoWriter().varintField(1, 0x7b3e2f1a9c4d5e6fL).varintField(2, 0x1234567890abcdefL)
                .varintField(3, 42).varintField(4, 0x0fedcba987654321L).varintField(5, 99)
                .messageField(6, version).toByteArray();

        FileCollector scan = InMemoryScan.scan("fingerprint.pb", fingerprint);

        assertThat(scan.format()).isEqualTo(ModelFormat.TF_FINGERPRINT);
        assertThat(status(scan)).isEqualTo(FileStatus.SKIPPED);
    }

    @Test
    void dataFilesSharingModelExtensionsAreStillSkipped() throws IOException {
        byte[] idlSave = unknownBinary();
        System.arraycopy(new byte[]{'S', 'R', 0, 4}, 0, idlSave, 0, 4);
        byte[] sitePath = "import _distutils_hack; _distutils_hack.add_shim()\n".getBytes();
        byte[] latin1 = "Bem-vindo ao tutor do Vim, vers\u00e3o em portugu\u00eas\n".repeat(5)
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] tensor = new ProtoWriter().varintField(1, 2).varintField(1, 3).varintField(2, 11)
                .stringField(8, "input_0").bytesField(9, new byte[48]).toByteArray();

        assertThat(status(InMemoryScan.scan("scalar_byte.sav", idlSave))).isEqualTo(FileStatus.SKIPPED);
        assertThat(status(InMemoryScan.scan("distutils-precedence.pth", sitePath))).isEqualTo(FileStatus.SKIPPED);
        assertThat(status(InMemoryScan.scan("tutor.pt", latin1))).isEqualTo(FileStatus.SKIPPED);
        assertThat(status(InMemoryScan.scan("input_0.pb", tensor))).isEqualTo(FileStatus.SKIPPED);
    }

    @Test
    void tensorProtoNamingAnExternalFileIsNotExempted() throws IOException {
        ProtoWriter location = new ProtoWriter().stringField(1, "location").stringField(2, "../../etc/passwd");
        byte[] tensor = new ProtoWriter().varintField(1, 4).varintField(2, 1).messageField(13, location)
                .varintField(14, 1).toByteArray();

        assertThat(status(InMemoryScan.scan("input_0.pb", tensor))).isEqualTo(FileStatus.INCOMPLETE);
    }

    private static FileStatus status(FileCollector scan) {
        return FileStatus.decide(false, !scan.incompleteReasons().isEmpty(), scan.findings(), scan.wasAnalysed());
    }

    private static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}

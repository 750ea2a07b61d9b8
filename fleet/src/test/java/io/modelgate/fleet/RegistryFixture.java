package io.modelgate.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small model registry built on disk by code: a clean Hugging Face folder, a booby-trapped pickle, a zipped
 * model, a jar bundling a model and a checkpoint no reader recognises (incomplete).
 */
final class RegistryFixture {

    static final Path QWEN = Path.of("..", "fixtures", "provenance", "control-qwen3-8b", "Qwen3-8B");

    static final String CLEAN = "org-a/qwen3-8b";
    static final String EVIL = "untrusted/evil-checkpoint/model.pkl";
    static final String ZIPPED = "qwen-bundle.zip";
    static final String JAR = "inference-app.jar";
    static final String BROKEN = "org-b/broken";

    private RegistryFixture() {
    }

    static Path build(Path root) throws IOException {
        Path clean = Files.createDirectories(root.resolve(CLEAN));
        for (String name : new String[]{"config.json", "README.md", "tokenizer_config.json"}) {
            Files.copy(QWEN.resolve(name), clean.resolve(name));
        }
        Files.write(clean.resolve("model.safetensors"), safetensors(4));

        Files.createDirectories(root.resolve(EVIL).getParent());
        Files.write(root.resolve(EVIL), maliciousPickle("echo pwned"));

        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(root.resolve(ZIPPED)))) {
            for (String name : new String[]{"config.json", "README.md", "tokenizer_config.json"}) {
                put(zip, "Qwen3-8B/" + name, Files.readAllBytes(QWEN.resolve(name)));
            }
            put(zip, "Qwen3-8B/model.safetensors", safetensors(8));
        }

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(root.resolve(JAR)), manifest)) {
            for (String name : new String[]{"config.json", "README.md", "tokenizer_config.json"}) {
                put(jar, "models/qwen/" + name, Files.readAllBytes(QWEN.resolve(name)));
            }
            put(jar, "models/qwen/model.safetensors", safetensors(2));
        }

        // named like a PyTorch checkpoint, but no reader recognises it: incomplete, never clean
        Path broken = Files.createDirectories(root.resolve(BROKEN));
        byte[] unknown = new byte[96];
        for (int i = 0; i < unknown.length; i++) {
            unknown[i] = (byte) (1 + i % 7); // control bytes: neither text nor any known format
        }
        Files.write(broken.resolve("model.safetensors"), unknown);
        return root;
    }

    /** A valid safetensors file with one F32 tensor of {@code n} values. */
    static byte[] safetensors(int n) {
        String header = "{\"weight\":{\"dtype\":\"F32\",\"shape\":[" + n + "],\"data_offsets\":[0," + (4 * n) + "]},"
                + "\"__metadata__\":{\"format\":\"pt\"}}";
        while (header.length() % 8 != 0) {
            header += " ";
        }
        byte[] json = header.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + 4 * n).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json);
        for (int i = 0; i < n; i++) {
            out.putFloat(i * 0.5f);
        }
        return out.array();
    }

    /** A protocol-2 pickle that calls {@code posix.system(command)} when loaded. */
    static byte[] maliciousPickle(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x80, 2});
        out.writeBytes("cposix\nsystem\n".getBytes(StandardCharsets.US_ASCII));
        byte[] arg = command.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(arg.length).array());
        out.writeBytes(arg);
        out.write(0x85);
        out.write('R');
        out.write('.');
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Rewrites one byte in place, keeping the size and the modification time. */
    static void flipByte(Path file, int offset) throws IOException {
        var time = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[offset] ^= 1;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
        Files.setLastModifiedTime(file, time);
    }
}

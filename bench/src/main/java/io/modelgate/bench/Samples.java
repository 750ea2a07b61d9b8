package io.modelgate.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Benign, real-shaped inputs for the benchmarks, written with a fixed seed. */
final class Samples {

    private Samples() {
    }

    /**
     * A protocol-2 pickle of a dict of float lists, as a state dict of plain Python numbers is written:
     * {@code layers} keys, {@code floats} BINFLOAT opcodes each.
     */
    static byte[] pickle(int layers, int floats) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(14);
        out.write(0x80);
        out.write(2);
        out.write('}');
        out.write('(');
        for (int layer = 0; layer < layers; layer++) {
            byte[] key = ("layers." + layer + ".weight").getBytes(StandardCharsets.UTF_8);
            out.write('X');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(key.length).array());
            out.writeBytes(key);
            out.write(']');
            out.write('(');
            for (int i = 0; i < floats; i++) {
                out.write('G');
                out.writeBytes(ByteBuffer.allocate(8).putDouble(random.nextGaussian()).array());
            }
            out.write('e');
        }
        out.write('u');
        out.write('.');
        return out.toByteArray();
    }

    /** A safetensors file with {@code tensors} small F32 tensors: the header is what costs. */
    static byte[] safetensors(int tensors) {
        StringBuilder header = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        long offset = 0;
        for (int i = 0; i < tensors; i++) {
            header.append(",\"model.layers.").append(i).append(".mlp.weight\":{\"dtype\":\"F32\",\"shape\":[4,4],")
                    .append("\"data_offsets\":[").append(offset).append(',').append(offset + 64).append("]}");
            offset += 64;
        }
        header.append('}');
        while ((header.length() + 8) % 8 != 0) {
            header.append(' ');
        }
        byte[] json = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + json.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(json.length).put(json);
        return file.array();
    }

    /** A zip of {@code entries} stored text members: the central directory is what costs. */
    static byte[] zip(int entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries; i++) {
                byte[] data = ("member " + i + "\n").getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry("data/part-" + i + ".txt");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(data.length);
                CRC32 crc = new CRC32();
                crc.update(data);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Path write(Path dir, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }
}

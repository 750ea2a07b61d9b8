package io.modelgate.scanner.safetensors;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds raw safetensors files for hostile-input tests (header text given verbatim). */
final class SafetensorsBuilder {

    private SafetensorsBuilder() {
    }

    static byte[] file(String headerJson, int dataBytes) {
        return file(headerJson.getBytes(StandardCharsets.UTF_8).length, headerJson, dataBytes);
    }

    /** A file whose length field says {@code declaredLength}, whatever the header really is. */
    static byte[] file(long declaredLength, String headerJson, int dataBytes) {
        byte[] header = headerJson.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(declaredLength).array());
        out.writeBytes(header);
        out.writeBytes(new byte[dataBytes]);
        return out.toByteArray();
    }

    static String tensor(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":[" + begin + ","
                + end + "]}";
    }
}

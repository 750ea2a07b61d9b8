package io.modelgate.scanner.pickle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes pickle opcode streams by hand, including streams Python's pickler would never produce. */
final class PickleBuilder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static PickleBuilder proto(int version) {
        return new PickleBuilder().op(Opcode.PROTO).raw(version);
    }

    static PickleBuilder text() {
        return new PickleBuilder();
    }

    PickleBuilder op(Opcode op) {
        out.write(op.code);
        return this;
    }

    PickleBuilder raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    PickleBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    PickleBuilder ascii(String text) {
        return raw(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    PickleBuilder le(long value, int width) {
        for (int i = 0; i < width; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
        return this;
    }

    /** GLOBAL / INST style: opcode, then module and name lines. */
    PickleBuilder global(String module, String name) {
        return op(Opcode.GLOBAL).line(module).line(name);
    }

    PickleBuilder line(String text) {
        return raw(text.getBytes(StandardCharsets.UTF_8)).raw('\n');
    }

    PickleBuilder str(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length < 256) {
            return op(Opcode.SHORT_BINUNICODE).raw(utf8.length).raw(utf8);
        }
        return op(Opcode.BINUNICODE).le(utf8.length, 4).raw(utf8);
    }

    PickleBuilder bytes(byte[] data) {
        return op(Opcode.BINBYTES).le(data.length, 4).raw(data);
    }

    PickleBuilder int1(int value) {
        return op(Opcode.BININT1).raw(value);
    }

    PickleBuilder put(long index) {
        return index < 256 ? op(Opcode.BINPUT).raw((int) index) : op(Opcode.LONG_BINPUT).le(index, 4);
    }

    PickleBuilder get(long index) {
        return index < 256 ? op(Opcode.BINGET).raw((int) index) : op(Opcode.LONG_BINGET).le(index, 4);
    }

    /** {@code callee(arg)} with callee already on the stack. */
    PickleBuilder call1(String arg) {
        return str(arg).op(Opcode.TUPLE1).op(Opcode.REDUCE);
    }

    PickleBuilder repeat(int times, Opcode... ops) {
        for (int i = 0; i < times; i++) {
            for (Opcode op : ops) {
                op(op);
            }
        }
        return this;
    }

    PickleBuilder stop() {
        return op(Opcode.STOP);
    }

    byte[] build() {
        return out.toByteArray();
    }
}

package io.modelgate.scanner.flatbuffers;

import io.modelgate.scanner.flatbuffers.FlatBufferWriter.Table;
import io.modelgate.scanner.flatbuffers.FlatBufferWriter.Vector;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.io.LimitExceededException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlatBufferTest {

    private static FlatBuffer of(byte[] bytes, long maxTables) {
        return FlatBuffer.of(new ArrayByteSource(bytes), maxTables);
    }

    @Test
    void readsScalarsStringsVectorsAndDefaults() throws IOException {
        byte[] bytes = FlatBufferWriter.write("TEST", new Table().scalar(0, 4, 7).string(1, "hello")
                .ref(2, Vector.scalars(2, 1, 2, 3)).scalar(4, 1, 0xff));
        FlatBuffer buffer = of(bytes, 100);
        assertThat(buffer.identifier()).isEqualTo("TEST");
        FlatTable root = buffer.root();
        assertThat(root.unsigned(0, 4, 0)).isEqualTo(7);
        assertThat(root.string(1, 100, "s")).contains("hello");
        assertThat(root.string(1, 3, "s")).contains("hel");
        FlatVector vector = root.vector(2, 2, "v").orElseThrow();
        assertThat(vector.length()).isEqualTo(3);
        assertThat(vector.unsigned(2)).isEqualTo(3);
        assertThat(root.has(3)).isFalse();
        assertThat(root.unsigned(3, 4, 42)).isEqualTo(42);
        assertThat(root.signed(4, 1, 0)).isEqualTo(-1);
        assertThat(root.unsigned(40, 4, 5)).isEqualTo(5);
    }

    @Test
    void sharedTablesCountAgainstTheBudget() throws IOException {
        Table shared = new Table().scalar(0, 4, 1);
        List<Table> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(shared);
        }
        byte[] bytes = FlatBufferWriter.write("TEST", new Table().ref(0, Vector.of(many)));
        FlatVector vector = of(bytes, 20).root().vector(0, 4, "v").orElseThrow();
        assertThatThrownBy(() -> {
            for (long i = 0; i < vector.length(); i++) {
                vector.table(i);
            }
        }).isInstanceOf(LimitExceededException.class);
    }

    @Test
    void offsetsVtablesAndLengthsOutsideTheBufferAreRejected() {
        byte[] bytes = FlatBufferWriter.write("TEST", new Table().string(0, "name").ref(1, Vector.scalars(4, 1, 2)));
        int rootAt = bytes[0] & 0xff;
        byte[] rootOutside = bytes.clone();
        rootOutside[0] = (byte) 0xf0;
        rootOutside[1] = (byte) 0xff;
        assertThatThrownBy(() -> of(rootOutside, 10).root()).isInstanceOf(FlatBufferFormatException.class);
        byte[] vtableOutside = bytes.clone();
        vtableOutside[rootAt] = (byte) 0x00;
        vtableOutside[rootAt + 1] = (byte) 0x10;
        assertThatThrownBy(() -> of(vtableOutside, 10).root()).isInstanceOf(FlatBufferFormatException.class);
        byte[] selfVtable = bytes.clone();
        Arrays.fill(selfVtable, rootAt, rootAt + 4, (byte) 0);
        assertThatThrownBy(() -> of(selfVtable, 10).root()).isInstanceOf(FlatBufferFormatException.class);
        assertThatThrownBy(() -> of(Arrays.copyOf(bytes, bytes.length - 6), 10).root().vector(1, 4, "v"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> of(new byte[3], 10).root()).isInstanceOf(FlatBufferFormatException.class);
    }

    /** Offsets only point forward; one of zero points at itself and reads as a table without a vtable. */
    @Test
    void selfReferenceEndsInAnErrorNotALoop() throws IOException {
        byte[] bytes = FlatBufferWriter.write("TEST", new Table().ref(0, Vector.of(new Table().scalar(0, 4, 1))));
        FlatVector vector = of(bytes, 10).root().vector(0, 4, "v").orElseThrow();
        int element = (int) vector.start();
        Arrays.fill(bytes, element, element + 4, (byte) 0);
        FlatVector corrupted = of(bytes, 10).root().vector(0, 4, "v").orElseThrow();
        assertThatThrownBy(() -> corrupted.table(0)).isInstanceOf(FlatBufferFormatException.class);
    }

    @Test
    void stringWithoutTerminatorIsRejected() throws IOException {
        byte[] bytes = FlatBufferWriter.write("TEST", new Table().string(0, "abc"));
        int at = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("abc");
        bytes[at + 3] = 'x';
        FlatTable root = of(bytes, 10).root();
        assertThatThrownBy(() -> root.string(0, 10, "s")).isInstanceOf(FlatBufferFormatException.class);
    }
}

package io.modelgate.scanner.protobuf;

import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.LimitExceededException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtoReaderTest {

    private static ProtoReader reader(byte[] bytes) {
        return ProtoReader.of(new ArrayByteSource(bytes), ProtoReader.DEFAULT_MAX_DEPTH);
    }

    @Test
    void readsScalarsStringsAndNestedMessages() throws IOException {
        byte[] bytes = new ProtoWriter()
                .varintField(1, 300)
                .stringField(2, "pytorch")
                .messageField(7, new ProtoWriter().stringField(4, "Relu"))
                .varintField(5, -1L)
                .toByteArray();
        ProtoReader reader = reader(bytes);
        assertThat(reader.next()).isTrue();
        assertThat(reader.field()).isEqualTo(1);
        assertThat(reader.varint()).isEqualTo(300);
        assertThat(reader.next()).isTrue();
        assertThat(reader.string(100)).isEqualTo("pytorch");
        assertThat(reader.next()).isTrue();
        ProtoReader inner = reader.message();
        assertThat(inner.next()).isTrue();
        assertThat(inner.string(2)).isEqualTo("Re");
        assertThat(inner.next()).isFalse();
        assertThat(reader.next()).isTrue();
        assertThat(reader.varint()).isEqualTo(-1L);
        assertThat(reader.next()).isFalse();
    }

    @Test
    void skipsUnreadFieldsAndReadsPackedAndUnpackedVarints() throws IOException {
        byte[] packed = new ProtoWriter().rawVarint(3).rawVarint(1L << 40).rawVarint(7).toByteArray();
        byte[] bytes = new ProtoWriter().bytesField(9, new byte[1000]).bytesField(1, packed).varintField(1, 5)
                .toByteArray();
        ProtoReader reader = reader(bytes);
        List<Long> values = new ArrayList<>();
        while (reader.next()) {
            if (reader.field() == 1) {
                reader.varints(10, values::add);
            }
        }
        assertThat(values).containsExactly(3L, 1L << 40, 7L, 5L);
    }

    @Test
    void rejectsElevenByteVarint() {
        byte[] bytes = new ProtoWriter().tag(1, 0)
                .raw((byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                        (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x01)
                .toByteArray();
        assertThatThrownBy(() -> reader(bytes).next()).isInstanceOf(ProtoFormatException.class)
                .hasMessageContaining("varint");
    }

    @Test
    void rejectsTenthVarintByteBeyondSixtyFourBits() {
        byte[] bytes = new ProtoWriter().tag(1, 0)
                .raw((byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                        (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x02)
                .toByteArray();
        assertThatThrownBy(() -> reader(bytes).next()).isInstanceOf(ProtoFormatException.class);
    }

    @Test
    void rejectsLengthPastTheEnclosingMessage() throws IOException {
        byte[] inner = new ProtoWriter().tag(4, 2).rawVarint(50).raw(new byte[10]).toByteArray();
        byte[] bytes = new ProtoWriter().bytesField(7, inner).varintField(1, 1).toByteArray();
        ProtoReader reader = reader(bytes);
        assertThat(reader.next()).isTrue();
        ProtoReader message = reader.message();
        assertThatThrownBy(message::next).isInstanceOf(ProtoFormatException.class).hasMessageContaining("declares 50");
    }

    @Test
    void messagesOfMalformedFieldsNameWhatAndWhere() {
        assertThatThrownBy(() -> twoFields(new byte[]{0x08, 0x01, 0x0c})).hasMessage(
                "end-group tag of field 1 at offset 2 closes no group");
        assertThatThrownBy(() -> reader(new byte[]{0x0e}).next()).hasMessage("invalid wire type 6");
        assertThatThrownBy(() -> reader(new byte[]{0x0d, 0x01}).next()).hasMessage("field 1 at offset 0 is cut off");
        assertThatThrownBy(() -> reader(new byte[]{0x12, 0x7f}).next())
                .hasMessage("field 2 at offset 0 declares 127 bytes but its message has 0 left");
        assertThatThrownBy(() -> reader(new byte[]{0x00}).next()).hasMessage("invalid field number 0 at offset 0");
    }

    @Test
    void rejectsHugeLengthAndTruncatedInput() {
        byte[] huge = new ProtoWriter().tag(2, 2).rawVarint(Long.MAX_VALUE).toByteArray();
        assertThatThrownBy(() -> reader(huge).next()).isInstanceOf(ProtoFormatException.class);
        byte[] cut = new ProtoWriter().tag(1, 1).raw((byte) 1, (byte) 2).toByteArray();
        assertThatThrownBy(() -> reader(cut).next()).isInstanceOf(ProtoFormatException.class);
    }

    @Test
    void skipsGroupsToTheirEndTagAsProtobufParsersDo() throws IOException {
        byte[] bytes = new ProtoWriter().tag(9, 3).varintField(1, 5).tag(10, 3).stringField(2, "x").tag(10, 4)
                .tag(9, 4).varintField(2, 7).toByteArray();
        ProtoReader reader = reader(bytes);

        assertThat(reader.next()).isTrue();
        assertThat(reader.field()).isEqualTo(9);
        assertThat(reader.wireType()).isEqualTo(WireType.START_GROUP);
        assertThat(reader.next()).isTrue();
        assertThat(reader.varint()).isEqualTo(7);
        assertThat(reader.next()).isFalse();
    }

    @Test
    void rejectsMismatchedAndStrayEndGroups() {
        assertThatThrownBy(() -> reader(new ProtoWriter().tag(9, 3).tag(8, 4).toByteArray()).next())
                .isInstanceOf(ProtoFormatException.class).hasMessageContaining("does not close");
        assertThatThrownBy(() -> reader(new ProtoWriter().tag(9, 4).toByteArray()).next())
                .isInstanceOf(ProtoFormatException.class).hasMessageContaining("closes no group");
    }

    @Test
    void rejectsUnclosedGroupsInvalidWireTypesAndFieldZero() {
        assertThatThrownBy(() -> reader(new ProtoWriter().tag(3, 3).toByteArray()).next())
                .isInstanceOf(ProtoFormatException.class).hasMessageContaining("group");
        assertThatThrownBy(() -> reader(new ProtoWriter().tag(3, 6).toByteArray()).next())
                .isInstanceOf(ProtoFormatException.class).hasMessageContaining("wire type");
        assertThatThrownBy(() -> reader(new ProtoWriter().tag(0, 0).rawVarint(1).toByteArray()).next())
                .isInstanceOf(ProtoFormatException.class).hasMessageContaining("field number");
    }

    @Test
    void boundsNestingDepth() throws IOException {
        ProtoReader reader = reader(ProtoWriter.nested(10_000, 1));
        assertThatThrownBy(() -> descend(reader)).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void rejectsWrongWireTypeForAccessor() throws IOException {
        ProtoReader reader = reader(new ProtoWriter().varintField(1, 1).toByteArray());
        reader.next();
        assertThatThrownBy(reader::message).isInstanceOf(ProtoFormatException.class);
        assertThatThrownBy(() -> reader.string(10)).isInstanceOf(ProtoFormatException.class);
    }

    @Test
    void boundsPackedValueCountAndBytes() throws IOException {
        byte[] packed = new byte[100];
        ProtoReader reader = reader(new ProtoWriter().bytesField(1, packed).toByteArray());
        reader.next();
        assertThatThrownBy(() -> reader.varints(64, v -> { })).isInstanceOf(LimitExceededException.class);
        assertThat(reader.valueCount(0)).isEqualTo(100);
        assertThat(reader.valueCount(4)).isEqualTo(25);
        assertThatThrownBy(() -> reader.bytes(10)).isInstanceOf(LimitExceededException.class);
    }

    private static void descend(ProtoReader reader) throws IOException {
        while (reader.next()) {
            descend(reader.message());
        }
    }

    /** The second field's outcome, after a first one that reads. */
    private static boolean twoFields(byte[] bytes) throws IOException {
        ProtoReader reader = reader(bytes);
        reader.next();
        return reader.next();
    }

    @Test
    void bytesInMemoryAreReadAsASourceReadInBlocksIs() {
        io.modelgate.testkit.RandomCases.check(3_000, gen -> gen.bytes(0, 300), bytes -> {
            ByteSource chunked = new ByteSource() {
                @Override
                public long size() {
                    return bytes.length;
                }

                @Override
                public int read(long position, byte[] buffer, int offset, int len) {
                    return new ArrayByteSource(bytes).read(position, buffer, offset, Math.min(len, 7));
                }
            };
            assertThat(walk(ProtoReader.of(new ArrayByteSource(bytes), 8))).isEqualTo(walk(ProtoReader.of(chunked, 8)));
        });
    }

    /** Every field, value and nested message a reader finds, then how it stopped. */
    private static String walk(ProtoReader reader) {
        StringBuilder seen = new StringBuilder();
        try {
            walk(reader, seen);
            seen.append("end");
        } catch (IOException | RuntimeException e) {
            seen.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        }
        return seen.toString();
    }

    private static void walk(ProtoReader reader, StringBuilder seen) throws IOException {
        while (reader.next()) {
            seen.append(reader.field()).append('/').append(reader.wireType()).append('@').append(reader.offset());
            switch (reader.wireType()) {
                case VARINT -> seen.append('=').append(reader.varint());
                case I64 -> seen.append('=').append(reader.fixed64());
                case LEN -> {
                    seen.append('=').append(java.util.HexFormat.of().formatHex(reader.bytes(1 << 20))).append('{');
                    walk(reader.message(), seen);
                    seen.append('}');
                }
                default -> seen.append('?');
            }
            seen.append(' ');
        }
    }
}

package io.modelgate.scanner.flax;

import java.util.List;

/** The few msgpack values the reader keeps (the parts of an extension record); big payloads stay in the file. */
sealed interface MsgpackValue {

    record Int(long value) implements MsgpackValue {
    }

    record Text(String text) implements MsgpackValue {
    }

    /** Binary (or a string kept as bytes) of {@code length} bytes at {@code offset}: never copied. */
    record Blob(long offset, long length) implements MsgpackValue {
    }

    record Items(List<MsgpackValue> items) implements MsgpackValue {
    }

    /** Anything else: nil, booleans, floats, maps, and values not kept. */
    record Other(String kind) implements MsgpackValue {
    }
}

package io.modelgate.scanner.pickle;

import io.modelgate.scanner.io.ByteSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The static model of a value on the unpickler's stack: constants, containers of values, and symbolic
 * objects (an imported global, the result of a call, a persistent reference, something unknown).
 * Containers can be mutated and can contain themselves, so composite values compare by identity and
 * are never hashed or printed recursively (rendering is bounded by {@link ValueRenderer}).
 */
public sealed interface PickleValue {

    /** A text string. {@code text} holds the whole value only when {@code complete}. */
    record Str(String text, long length, boolean complete) implements PickleValue {
    }

    /** A bytes or bytearray value; its content stays in the source and is read on demand. */
    record Bytes(ByteSource content, long length) implements PickleValue {
    }

    /** An integer; {@code value} is null when it was too long to keep. */
    record Int(BigInteger value) implements PickleValue {
    }

    /**
     * A float. The decimal text of a protocol-0 FLOAT, already checked, is converted only when the value is read
     * (to render it): converting every one cost a quarter of the pickle machine's time on such streams.
     */
    final class Float implements PickleValue {
        private final double value;
        private final String decimal;

        private Float(double value, String decimal) {
            this.value = value;
            this.decimal = decimal;
        }

        public static Float of(double value) {
            return new Float(value, null);
        }

        /** A text {@link PythonLiterals#isPlainFloat} accepts. */
        static Float ofDecimal(String decimal) {
            return new Float(0, decimal);
        }

        public double value() {
            return decimal == null ? value : Double.parseDouble(decimal);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Float f && Double.compare(value(), f.value()) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value());
        }

        @Override
        public String toString() {
            return "Float[value=" + value() + "]";
        }
    }

    record Bool(boolean value) implements PickleValue {
    }

    /** Python's None. */
    record None() implements PickleValue {
    }

    /**
     * A module attribute imported by GLOBAL, STACK_GLOBAL or INST, after Python 2 names were mapped.
     * {@code writtenModule}/{@code writtenName} hold the pair as written when mapping changed it.
     */
    record Global(String module, String name, String writtenModule, String writtenName, long offset)
            implements PickleValue {

        String qualified() {
            return module + "." + name;
        }
    }

    /** An object from the copyreg extension registry (EXT1/EXT2/EXT4). */
    record Extension(long code, long offset) implements PickleValue {
    }

    /** A value the model cannot follow (an out-of-band buffer, something lost to a limit). */
    record Unknown(String what) implements PickleValue {
    }

    /** What the loader's persistent_load returns for an id (PERSID/BINPERSID). */
    final class Persistent implements PickleValue {
        final PickleValue id;

        Persistent(PickleValue id) {
            this.id = id;
        }

        public PickleValue id() {
            return id;
        }
    }

    /** The object produced by a call, instantiation or BUILD at a call site. */
    final class Call implements PickleValue {
        final CallSite site;

        Call(CallSite site) {
            this.site = site;
        }

        public CallSite site() {
            return site;
        }
    }

    /** Tuples, lists, sets and frozensets. Items past the model's budget are dropped and counted. */
    final class Sequence implements PickleValue {

        public enum Kind { TUPLE, LIST, SET, FROZENSET }

        final Kind kind;
        final List<PickleValue> items;
        long dropped;

        Sequence(Kind kind, List<PickleValue> items) {
            this.kind = kind;
            this.items = items;
        }

        Sequence(Kind kind) {
            this(kind, new ArrayList<>());
        }

        public Kind kind() {
            return kind;
        }

        /** The items kept by the model (read-only view). */
        public List<PickleValue> items() {
            return java.util.Collections.unmodifiableList(items);
        }

        /** Items left out of the model by its budget. */
        public long dropped() {
            return dropped;
        }
    }

    /** A dict, as its key/value pairs in insertion order. */
    final class Dict implements PickleValue {
        final List<PickleValue> keys = new ArrayList<>();
        final List<PickleValue> values = new ArrayList<>();
        long dropped;

        /** The keys kept by the model, in insertion order (read-only view). */
        public List<PickleValue> keys() {
            return java.util.Collections.unmodifiableList(keys);
        }

        /** The values, parallel to {@link #keys()} (read-only view). */
        public List<PickleValue> values() {
            return java.util.Collections.unmodifiableList(values);
        }

        /** Pairs left out of the model by its budget. */
        public long dropped() {
            return dropped;
        }
    }
}

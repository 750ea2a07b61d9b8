package io.modelgate.scanner.pickle;

import io.modelgate.scanner.analysis.Deadline;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A static interpreter of one pickle: it executes every opcode against a model of the unpickler's
 * stack, mark stack and memo, without importing or calling anything, and tells a
 * {@link PickleListener} which globals are imported and what would be called with which arguments.
 * Stack, marks, memo, kept text and container items are all bounded.
 */
final class PickleMachine {

    private static final int DEADLINE_EVERY = 4096;

    private final MachineLimits limits;
    private final Deadline deadline;
    private final PickleListener listener;

    private final List<PickleValue> stack = new ArrayList<>();
    private int[] marks = new int[16];
    private int markCount;
    private final Map<Long, PickleValue> memo = new HashMap<>();
    private long textLeft;
    private long itemsLeft;

    private final PickleObserver observer;
    private final InlineData stream;

    private PickleInput in;
    private long opOffset;
    private int protocol;
    private boolean structural;
    private PickleValue result;
    private boolean pauseNow;

    PickleMachine(MachineLimits limits, Deadline deadline, PickleListener listener) {
        this(limits, deadline, listener, PickleObserver.NONE, null);
    }

    /**
     * @param observer sees persistent ids and may claim inline data after BUILD
     * @param stream   where the observer's inline data is read (its position is replaced by the current one)
     */
    PickleMachine(MachineLimits limits, Deadline deadline, PickleListener listener, PickleObserver observer,
                  InlineData stream) {
        this.limits = limits;
        this.deadline = deadline;
        this.listener = listener;
        this.observer = observer;
        this.stream = stream;
    }

    /** The value the last run's STOP returned; {@link PickleValue.Unknown} when it did not stop. */
    PickleValue result() {
        return result;
    }

    /** Interprets one pickle starting at {@code start}, up to and including its STOP. */
    PickleRun run(ByteSource source, long start) throws IOException {
        in = new PickleInput(source, start);
        stack.clear();
        markCount = 0;
        memo.clear();
        textLeft = limits.retainedText();
        itemsLeft = limits.retainedItems();
        protocol = 0;
        structural = false;
        result = new PickleValue.Unknown("pickle did not stop");
        pauseNow = false;
        OperandReader operands = new OperandReader(in, limits.maxLine());
        long ops = 0;
        try {
            while (true) {
                // Pausing needs structure first, so a long harmless-looking prefix cannot end the sniff early.
                if (pauseNow || (limits.pauseAfter() >= 0 && structural && in.position() >= limits.pauseAfter())) {
                    return new PickleRun(-1, null, ops, protocol, structural, true);
                }
                opOffset = in.position();
                int b = in.read();
                if (b < 0) {
                    throw new PickleBreak(PickleBreak.Kind.TRUNCATED, opOffset, "pickle ends without STOP");
                }
                Opcode op = Opcode.of(b);
                if (op == null) {
                    // most files that are no pickle end here: no Formatter for them
                    throw new PickleBreak(PickleBreak.Kind.MALFORMED, opOffset,
                            "invalid opcode 0x" + Integer.toHexString(0x100 | b).substring(1));
                }
                if (++ops > limits.maxOps()) {
                    throw new PickleBreak(PickleBreak.Kind.LIMIT, opOffset,
                            "more than " + limits.maxOps() + " pickle opcodes");
                }
                if (deadline != null && ops % DEADLINE_EVERY == 0) {
                    deadline.check();
                }
                if (execute(op, operands.read(op, opOffset))) {
                    return new PickleRun(in.position(), null, ops, protocol, structural, false);
                }
            }
        } catch (PickleBreak failure) {
            return new PickleRun(-1, failure, ops, protocol, structural, false);
        }
    }

    /** Executes one opcode; true at STOP. */
    private boolean execute(Opcode op, Object arg) throws IOException, PickleBreak {
        switch (op) {
            case INT -> push(intOrBool((String) arg));
            case BININT, BININT1, BININT2 -> push(new PickleValue.Int(BigInteger.valueOf((Long) arg)));
            case LONG -> push(new PickleValue.Int(parseInt(op, stripLongSuffix((String) arg))));
            case LONG1, LONG4 -> push(new PickleValue.Int((BigInteger) arg));
            case STRING -> push(text(new String((byte[]) arg, StandardCharsets.ISO_8859_1)));
            case BINSTRING, SHORT_BINSTRING -> push(text((OperandReader.DataRef) arg, StandardCharsets.ISO_8859_1));
            case BINBYTES, SHORT_BINBYTES, BINBYTES8, BYTEARRAY8 -> push(bytes((OperandReader.DataRef) arg));
            case NEXT_BUFFER -> push(new PickleValue.Unknown("out-of-band buffer"));
            case READONLY_BUFFER -> peek();
            case NONE -> push(new PickleValue.None());
            case NEWTRUE, NEWFALSE -> push(new PickleValue.Bool(op == Opcode.NEWTRUE));
            case UNICODE -> push(text((String) arg));
            case SHORT_BINUNICODE, BINUNICODE, BINUNICODE8 ->
                    push(text((OperandReader.DataRef) arg, StandardCharsets.UTF_8));
            case FLOAT -> push(parseFloat(op, (String) arg));
            case BINFLOAT -> push(PickleValue.Float.of((Double) arg));
            case EMPTY_LIST -> pushBuilt(new PickleValue.Sequence(PickleValue.Sequence.Kind.LIST));
            case EMPTY_TUPLE -> pushBuilt(new PickleValue.Sequence(PickleValue.Sequence.Kind.TUPLE));
            case EMPTY_SET -> pushBuilt(new PickleValue.Sequence(PickleValue.Sequence.Kind.SET));
            case EMPTY_DICT -> pushBuilt(new PickleValue.Dict());
            case LIST -> pushBuilt(sequence(PickleValue.Sequence.Kind.LIST, popMark()));
            case TUPLE -> pushBuilt(sequence(PickleValue.Sequence.Kind.TUPLE, popMark()));
            case FROZENSET -> pushBuilt(sequence(PickleValue.Sequence.Kind.FROZENSET, popMark()));
            case TUPLE1, TUPLE2, TUPLE3 -> pushBuilt(sequence(PickleValue.Sequence.Kind.TUPLE,
                    popN(op.ordinal() - Opcode.TUPLE1.ordinal() + 1)));
            case DICT -> pushBuilt(dict(op, popMark()));
            case APPEND -> addItems(op, List.of(pop()));
            case APPENDS, ADDITEMS -> addItems(op, popMark());
            case SETITEM -> {
                PickleValue value = pop();
                PickleValue key = pop();
                setItems(op, List.of(key, value));
            }
            case SETITEMS -> setItems(op, popMark());
            case POP -> popOrMark();
            case DUP -> push(peek());
            case MARK -> mark();
            case POP_MARK -> popMark();
            case GET -> push(memoGet(memoIndex(op, (String) arg)));
            case BINGET, LONG_BINGET -> push(memoGet((Long) arg));
            case PUT -> memoPut(memoIndex(op, (String) arg));
            case BINPUT, LONG_BINPUT -> memoPut((Long) arg);
            case MEMOIZE -> memoPut(memo.size());
            case EXT1, EXT2, EXT4 -> extension((Long) arg);
            case GLOBAL -> push(global((OperandReader.NamePair) arg));
            case STACK_GLOBAL -> stackGlobal();
            case REDUCE -> {
                PickleValue args = pop();
                PickleValue callee = pop();
                push(call(CallSite.Kind.REDUCE, callee, arguments(args)));
            }
            case BUILD -> build();
            case INST -> {
                // The pure-Python unpickler imports the class before it looks for the MARK.
                PickleValue.Global cls = global((OperandReader.NamePair) arg);
                push(call(CallSite.Kind.INST, cls, popMark()));
            }
            case OBJ -> {
                List<PickleValue> items = popMark();
                if (items.isEmpty()) {
                    throw OperandReader.malformed(op, opOffset, "no class after MARK");
                }
                push(call(CallSite.Kind.OBJ, items.get(0), items.subList(1, items.size())));
            }
            case NEWOBJ -> {
                PickleValue args = pop();
                PickleValue cls = pop();
                push(call(CallSite.Kind.NEWOBJ, cls, arguments(args)));
            }
            case NEWOBJ_EX -> {
                PickleValue kwargs = pop();
                PickleValue args = pop();
                PickleValue cls = pop();
                List<PickleValue> all = new ArrayList<>(arguments(args));
                if (!(kwargs instanceof PickleValue.Dict d && d.keys.isEmpty())) {
                    all.add(kwargs);
                }
                push(call(CallSite.Kind.NEWOBJ_EX, cls, all));
            }
            case PROTO -> {
                long version = (Long) arg;
                if (version > 5) {
                    throw OperandReader.malformed(op, opOffset, "unsupported protocol " + version);
                }
                protocol = Math.max(protocol, (int) version);
                structural = true;
            }
            case STOP -> {
                result = pop();
                return true;
            }
            case FRAME -> structural = true;
            case PERSID -> push(persistent(text((String) arg)));
            case BINPERSID -> push(persistent(pop()));
            default -> throw new IllegalStateException("unhandled opcode " + op);
        }
        return false;
    }

    // ---- stack and marks ----

    private void push(PickleValue value) throws PickleBreak {
        if (stack.size() >= limits.maxStack()) {
            throw limit("stack deeper than " + limits.maxStack() + " entries");
        }
        stack.add(value);
    }

    private void pushBuilt(PickleValue value) throws PickleBreak {
        structural = true;
        push(value);
    }

    private int fence() {
        return markCount == 0 ? 0 : marks[markCount - 1];
    }

    private PickleValue pop() throws PickleBreak {
        if (stack.size() <= fence()) {
            throw underflow();
        }
        return stack.remove(stack.size() - 1);
    }

    private PickleValue peek() throws PickleBreak {
        if (stack.size() <= fence()) {
            throw underflow();
        }
        return stack.get(stack.size() - 1);
    }

    private List<PickleValue> popN(int n) throws PickleBreak {
        if (stack.size() - fence() < n) {
            throw underflow();
        }
        List<PickleValue> top = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        stack.subList(stack.size() - n, stack.size()).clear();
        return top;
    }

    /** POP on an empty frame removes the mark instead, as Python's unpickler does. */
    private void popOrMark() throws PickleBreak {
        if (stack.size() > fence()) {
            stack.remove(stack.size() - 1);
        } else {
            popMark();
        }
    }

    private void mark() throws PickleBreak {
        structural = true;
        if (markCount >= limits.maxStack()) {
            throw limit("more than " + limits.maxStack() + " nested marks");
        }
        if (markCount == marks.length) {
            marks = Arrays.copyOf(marks, marks.length * 2);
        }
        marks[markCount++] = stack.size();
    }

    private List<PickleValue> popMark() throws PickleBreak {
        if (markCount == 0) {
            throw new PickleBreak(PickleBreak.Kind.MALFORMED, opOffset, "could not find MARK");
        }
        int at = marks[--markCount];
        List<PickleValue> items = new ArrayList<>(stack.subList(at, stack.size()));
        stack.subList(at, stack.size()).clear();
        return items;
    }

    // ---- memo ----

    private long memoIndex(Opcode op, String text) throws PickleBreak {
        BigInteger index = parseInt(op, text);
        if (index.signum() < 0 || index.bitLength() > 62) {
            throw OperandReader.malformed(op, opOffset, "memo index " + text.strip() + " out of range");
        }
        return index.longValue();
    }

    private PickleValue memoGet(long index) throws PickleBreak {
        PickleValue value = memo.get(index);
        if (value == null) {
            throw new PickleBreak(PickleBreak.Kind.MALFORMED, opOffset, "memo key " + index + " not found");
        }
        return value;
    }

    private void memoPut(long index) throws PickleBreak {
        PickleValue top = peek();
        if (memo.size() >= limits.maxStack() && !memo.containsKey(index)) {
            throw limit("memo larger than " + limits.maxStack() + " entries");
        }
        memo.put(index, top);
        structural = true;
    }

    // ---- constants ----

    private PickleValue intOrBool(String text) throws PickleBreak {
        if (text.equals("00") || text.equals("01")) {
            return new PickleValue.Bool(text.equals("01"));
        }
        return new PickleValue.Int(parseInt(Opcode.INT, text));
    }

    private static String stripLongSuffix(String text) {
        return text.endsWith("L") ? text.substring(0, text.length() - 1) : text;
    }

    private BigInteger parseInt(Opcode op, String text) throws PickleBreak {
        BigInteger value = PythonLiterals.parseInt(text);
        if (value == null) {
            throw OperandReader.malformed(op, opOffset, "not an integer: " + ValueRenderer.clip(text));
        }
        return value;
    }

    private PickleValue.Float parseFloat(Opcode op, String text) throws PickleBreak {
        if (PythonLiterals.isPlainFloat(text)) {
            return PickleValue.Float.ofDecimal(text);
        }
        Double value = PythonLiterals.parseFloat(text);
        if (value == null) {
            throw OperandReader.malformed(op, opOffset, "not a float: " + ValueRenderer.clip(text));
        }
        return PickleValue.Float.of(value);
    }

    /** A string already in memory: kept whole while the text budget lasts. */
    private PickleValue.Str text(String value) {
        if (value.length() <= MachineLimits.MAX_RETAINED_STRING && value.length() <= textLeft) {
            textLeft -= value.length();
            return new PickleValue.Str(value, value.length(), true);
        }
        return new PickleValue.Str(value.substring(0, Math.min(value.length(), ValueRenderer.PREVIEW)),
                value.length(), false);
    }

    /** A length-prefixed string: read whole only while it fits the per-string and total budgets. */
    private PickleValue.Str text(OperandReader.DataRef data, java.nio.charset.Charset charset) throws IOException {
        boolean keep = data.length() <= MachineLimits.MAX_RETAINED_STRING && data.length() <= textLeft;
        int read = (int) (keep ? data.length() : Math.min(data.length(), ValueRenderer.PREVIEW));
        String value = new String(in.bytesAt(data.offset(), read), charset);
        if (keep) {
            textLeft -= data.length();
        }
        return new PickleValue.Str(value, data.length(), keep);
    }

    private PickleValue.Bytes bytes(OperandReader.DataRef data) {
        return new PickleValue.Bytes(in.source().slice(data.offset(), data.length()), data.length());
    }

    // ---- containers ----

    private PickleValue.Sequence sequence(PickleValue.Sequence.Kind kind, List<PickleValue> items) {
        PickleValue.Sequence sequence = new PickleValue.Sequence(kind);
        append(sequence, items);
        return sequence;
    }

    private void append(PickleValue.Sequence sequence, List<PickleValue> items) {
        for (PickleValue item : items) {
            if (itemsLeft > 0) {
                itemsLeft--;
                sequence.items.add(item);
            } else {
                sequence.dropped++;
            }
        }
    }

    private PickleValue.Dict dict(Opcode op, List<PickleValue> items) throws PickleBreak {
        PickleValue.Dict dict = new PickleValue.Dict();
        putAll(op, dict, items);
        return dict;
    }

    private void putAll(Opcode op, PickleValue.Dict dict, List<PickleValue> items) throws PickleBreak {
        if (items.size() % 2 != 0) {
            throw OperandReader.malformed(op, opOffset, "odd number of items for a dict");
        }
        for (int i = 0; i < items.size(); i += 2) {
            if (itemsLeft > 1) {
                itemsLeft -= 2;
                dict.keys.add(items.get(i));
                dict.values.add(items.get(i + 1));
            } else {
                dict.dropped++;
            }
        }
    }

    /** APPEND, APPENDS, ADDITEMS: into a modelled list or set, or flagged when the target is a global. */
    private void addItems(Opcode op, List<PickleValue> items) throws PickleBreak {
        PickleValue target = peek();
        if (target instanceof PickleValue.Sequence sequence && (sequence.kind == PickleValue.Sequence.Kind.LIST
                || sequence.kind == PickleValue.Sequence.Kind.SET)) {
            append(sequence, items);
        } else if (target instanceof PickleValue.Global global) {
            listener.mutated(op, global, opOffset);
        }
        structural = true;
    }

    private void setItems(Opcode op, List<PickleValue> items) throws PickleBreak {
        PickleValue target = peek();
        if (target instanceof PickleValue.Dict dict) {
            putAll(op, dict, items);
        } else if (target instanceof PickleValue.Global global) {
            listener.mutated(op, global, opOffset);
        } else if (items.size() % 2 != 0) {
            throw OperandReader.malformed(op, opOffset, "odd number of items for a dict");
        }
        structural = true;
    }

    // ---- imports and calls ----

    private PickleValue.Global global(OperandReader.NamePair pair) {
        return global(pair.module(), pair.name());
    }

    private PickleValue.Global global(String module, String name) {
        String[] mapped = PythonNames.map(module, name);
        boolean renamed = !mapped[0].equals(module) || !mapped[1].equals(name);
        PickleValue.Global global = new PickleValue.Global(mapped[0], mapped[1], renamed ? module : null,
                renamed ? name : null, opOffset);
        structural = true;
        listener.imported(global);
        return global;
    }

    private void stackGlobal() throws PickleBreak {
        PickleValue name = pop();
        PickleValue module = pop();
        if (module instanceof PickleValue.Str m && m.complete() && name instanceof PickleValue.Str n && n.complete()) {
            push(global(m.text(), n.text()));
            return;
        }
        listener.badStackGlobal(module, name, opOffset);
        throw OperandReader.malformed(Opcode.STACK_GLOBAL, opOffset, "module and name are not both strings");
    }

    private void extension(long code) throws PickleBreak {
        if (code <= 0) {
            throw OperandReader.malformed(Opcode.EXT4, opOffset, "extension code " + code + " is not positive");
        }
        PickleValue.Extension extension = new PickleValue.Extension(code, opOffset);
        listener.extension(extension);
        push(extension);
    }

    /** The positional arguments of a call: the items of a tuple, or the value itself when it is not one. */
    private static List<PickleValue> arguments(PickleValue args) {
        if (args instanceof PickleValue.Sequence s && s.kind == PickleValue.Sequence.Kind.TUPLE) {
            return List.copyOf(s.items);
        }
        return List.of(args);
    }

    /**
     * Symbolic values can reference each other in chains as long as the stream; every reference they
     * keep is paid from the same budget as container items, and past it values are modelled as unknown.
     */
    private boolean spend(long references) {
        if (itemsLeft < references) {
            itemsLeft = 0;
            return false;
        }
        itemsLeft -= references;
        return true;
    }


    private static PickleValue.Unknown beyondBudget() {
        return new PickleValue.Unknown("value beyond the model's size limit");
    }

    private PickleValue call(CallSite.Kind kind, PickleValue callee, List<PickleValue> args) {
        boolean kept = spend(args.size() + 1L);
        CallSite site = new CallSite(kind, callee, kept ? List.copyOf(args) : List.of(beyondBudget()), opOffset);
        structural = true;
        listener.called(site);
        PickleValue made = kept ? ConstantFolding.instantiatedClass(site) : null;
        if (made != null) {
            listener.called(new CallSite(CallSite.Kind.NEWOBJ, made, site.args().subList(1, site.args().size()),
                    opOffset));
        }
        return kept ? ConstantFolding.result(site) : beyondBudget();
    }

    /** BUILD: restores state into the object below it, via its class's __setstate__ or attribute writes. */
    private void build() throws IOException, PickleBreak {
        PickleValue state = pop();
        PickleValue target = peek();
        structural = true;
        if (target instanceof PickleValue.Global global) {
            listener.mutated(Opcode.BUILD, global, opOffset);
            return;
        }
        if (ConstantFolding.classOf(target) instanceof PickleValue.Global cls) {
            listener.called(new CallSite(CallSite.Kind.BUILD, cls, List.of(state), opOffset));
            skipInlineData(cls, state);
        }
    }

    /**
     * Moves past raw data the observer says the writer put right after this BUILD. Without a stream to
     * measure it in (a detection dry run) the run pauses there: everything before parsed cleanly.
     */
    private void skipInlineData(PickleValue.Global cls, PickleValue state) throws IOException, PickleBreak {
        if (!observer.writesInlineData(cls)) {
            return;
        }
        if (stream == null) {
            pauseNow = true;
            return;
        }
        long here = in.position();
        long resume = observer.afterBuild(cls, state, stream.at(here));
        if (resume < here) {
            throw new PickleBreak(PickleBreak.Kind.MALFORMED, opOffset,
                    "data written after BUILD of " + cls.qualified() + " cannot be measured");
        }
        in.skip(resume - here, opOffset);
    }

    private PickleValue persistent(PickleValue id) {
        observer.persistentId(id, opOffset);
        return spend(1) ? new PickleValue.Persistent(id) : beyondBudget();
    }

    private PickleBreak underflow() {
        return new PickleBreak(PickleBreak.Kind.MALFORMED, opOffset, "unpickling stack underflow");
    }

    private PickleBreak limit(String what) {
        return new PickleBreak(PickleBreak.Kind.LIMIT, opOffset, what);
    }
}

package io.modelgate.scanner.pickle;

import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Decides from content whether bytes start a pickle, the way Python's unpickler would treat them: it runs
 * every opcode until the first error, and only imports and calls have effects. A dry run of the
 * interpreter over the first few KB therefore claims the bytes when, before the run breaks,
 * <ul>
 *   <li>they import (with an importable-looking name) in a stream that starts with PROTO, or import a
 *       standard-library or reviewed module in a text-protocol stream, or call or modify an imported object
 *       (the loader acts: a payload followed by garbage or cut short still runs);</li>
 *   <li>they parse cleanly until STOP after building something, until past the window, or for the whole
 *       opcode budget;</li>
 *   <li>they run a sustained prefix of valid opcodes (a damaged pickle, to be analysed to where it breaks).</li>
 * </ul>
 * Text, JSON, CSV, source code and random binary break within a few bytes, or on a name no module has.
 */
final class PickleSniffer {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    /** Valid opcodes after a PROTO header that make a damaged stream a pickle (random bytes rarely manage a few). */
    static final int SUSTAINED_BINARY_OPS = 8;
    /** The same without a header: text protocols share their opcodes with ordinary text, so ask for more. */
    static final int SUSTAINED_TEXT_OPS = 32;

    private PickleSniffer() {
    }

    /**
     * What a successful sniff saw.
     *
     * @param legacyTorch the first pickle is torch's legacy MAGIC_NUMBER, whatever protocol wrote it
     */
    record Sniff(int protocol, boolean stopped, boolean legacyTorch) {
    }

    /** A sniff result when the bytes at {@code offset} start a pickle; null otherwise. */
    static Sniff sniff(ByteSource source, long offset, PickleObserver observer) throws IOException {
        if (offset >= source.size()) {
            return null;
        }
        boolean binary = startsWithProto(source, offset);
        Activity activity = new Activity(binary);
        PickleMachine machine = new PickleMachine(MachineLimits.sniffing(offset + ContentDetector.HEAD_BYTES), null,
                activity, observer, null);
        PickleRun run = machine.run(source, offset);
        if (run.stopped() && machine.result() instanceof PickleValue.Int number
                && PickleDetector.LEGACY_TORCH_MAGIC_NUMBER.equals(number.value())) {
            return new Sniff(run.protocol(), true, true);
        }
        return isPickle(run, activity, binary) ? new Sniff(run.protocol(), run.stopped(), false) : null;
    }

    private static boolean isPickle(PickleRun run, Activity activity, boolean binary) {
        if (run.stopped() && !run.structural()) {
            return false;   // a lone constant cannot run code
        }
        if (activity.acted) {
            return true;
        }
        if (activity.halted) {
            return false;   // a name no module has: the loader raises before anything happened
        }
        // Reaching the sniffing limit is clean only after real opcodes: text whose first "opcode" reads a line
        // longer than any name (minified JavaScript starting "const ...") is no evidence of a pickle.
        boolean clean = run.failure() == null
                || run.failure().kind() == PickleBreak.Kind.LIMIT && (binary || run.ops() >= 2);
        long sustained = binary ? SUSTAINED_BINARY_OPS : SUSTAINED_TEXT_OPS;
        return clean || (run.structural() && run.ops() >= sustained);
    }

    static boolean startsPickle(ByteSource source, long offset, PickleObserver observer) throws IOException {
        return sniff(source, offset, observer) != null;
    }

    /** PROTO 0-5 as the first opcode: how every pickle of protocol 2 and later begins. */
    private static boolean startsWithProto(ByteSource source, long offset) throws IOException {
        if (source.size() - offset < 2) {
            return false;
        }
        byte[] head = source.readFully(offset, 2);
        return (head[0] & 0xff) == Opcode.PROTO.code && (head[1] & 0xff) <= 5;
    }

    /**
     * What the loader would do before the stream breaks. The first import of a name that cannot be a module
     * path or attribute halts it: Python raises there, so nothing after counts.
     */
    private static final class Activity implements PickleListener {
        private final boolean binary;
        boolean acted;
        boolean halted;

        Activity(boolean binary) {
            this.binary = binary;
        }

        @Override
        public void imported(PickleValue.Global global) {
            if (halted) {
                return;
            }
            String module = global.writtenModule() == null ? global.module() : global.writtenModule();
            String name = global.writtenName() == null ? global.name() : global.writtenName();
            // Python imports the top-level package first (its code runs), then the rest of the path, then the
            // attribute; a part that cannot be a name fails there.
            int dot = module.indexOf('.');
            String top = dot < 0 ? module : module.substring(0, dot);
            if (IDENTIFIER.matcher(top).matches() && (binary || KnownModules.exists(global.module()))) {
                acted = true;
            }
            if (!DOTTED_NAME.matcher(module).matches() || !DOTTED_NAME.matcher(name).matches()) {
                halted = true;
            }
        }

        @Override
        public void called(CallSite site) {
            // Only imported objects, what calls on them return, and what the loader resolves can be called.
            PickleValue callee = site.callee();
            if (!halted && (callee instanceof PickleValue.Global || callee instanceof PickleValue.Call
                    || callee instanceof PickleValue.Extension || callee instanceof PickleValue.Persistent)) {
                acted = true;
            }
        }

        @Override
        public void mutated(Opcode opcode, PickleValue.Global target, long offset) {
            if (!halted) {
                acted = true;
            }
        }
    }
}

package io.modelgate.scanner.pickle;

import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Decides from content whether bytes start a pickle: a dry run of the interpreter over the first
 * few KB must parse cleanly (valid opcodes and arguments, no stack underflow, no missing memo key,
 * importable-looking names) until STOP after building some structure, until past the sniffed window
 * once structure was built, or for the whole opcode budget; or it must call something before breaking.
 * Text, JSON, CSV, source code and random binary fail within a few bytes.
 */
final class PickleSniffer {

    private static final Pattern DOTTED_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private PickleSniffer() {
    }

    /** What a successful sniff saw. */
    /**
     * @param legacyTorch the first pickle is torch's legacy MAGIC_NUMBER, whatever protocol wrote it
     */
    record Sniff(int protocol, boolean stopped, boolean legacyTorch) {
    }

    /** A sniff result when the bytes at {@code offset} start a pickle; null otherwise. */
    static Sniff sniff(ByteSource source, long offset, PickleObserver observer) throws IOException {
        if (offset >= source.size()) {
            return null;
        }
        NameCheck names = new NameCheck();
        PickleMachine machine = new PickleMachine(MachineLimits.sniffing(offset + ContentDetector.HEAD_BYTES), null,
                names, observer, null);
        PickleRun run = machine.run(source, offset);
        if (run.stopped() && machine.result() instanceof PickleValue.Int number
                && PickleDetector.LEGACY_TORCH_MAGIC_NUMBER.equals(number.value())) {
            return new Sniff(run.protocol(), true, true);
        }
        // Hundreds of clean opcodes are a pickle even without structure yet (padding before a payload);
        // a stream that stops without building anything cannot run code, so it need not be claimed.
        // Python runs every opcode before a break, so a stream that calls something and then breaks
        // (truncated, or garbage after the payload) is a pickle too.
        boolean clean = run.failure() == null || run.failure().kind() == PickleBreak.Kind.LIMIT;
        boolean acted = names.calls > 0;
        if (!names.plausible || !(clean || acted) || (run.stopped() && !run.structural())) {
            return null;
        }
        return new Sniff(run.protocol(), run.stopped(), false);
    }

    static boolean startsPickle(ByteSource source, long offset, PickleObserver observer) throws IOException {
        return sniff(source, offset, observer) != null;
    }

    /** Real pickles import dotted Python identifiers; text that happens to parse usually does not. */
    private static final class NameCheck implements PickleListener {
        boolean plausible = true;
        int calls;

        @Override
        public void called(CallSite site) {
            calls++;
        }

        @Override
        public void imported(PickleValue.Global global) {
            String module = global.writtenModule() == null ? global.module() : global.writtenModule();
            String name = global.writtenName() == null ? global.name() : global.writtenName();
            plausible &= DOTTED_NAME.matcher(module).matches() && DOTTED_NAME.matcher(name).matches();
        }
    }
}

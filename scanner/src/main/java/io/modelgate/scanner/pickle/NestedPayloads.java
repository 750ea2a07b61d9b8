package io.modelgate.scanner.pickle;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ArrayByteSource;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.model.Rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Payloads handed to a loader inside a pickle ({@code pickle.loads(b'...')}, {@code torch.load(io.BytesIO(...))},
 * {@code marshal.loads(...)}): reported, and analysed one level deeper when they are pickles, so that a
 * payload hidden inside a payload is found too (the engine bounds the depth).
 */
final class NestedPayloads {

    private NestedPayloads() {
    }

    /**
     * Reports and analyses one payload.
     *
     * @return true when it was an allowlisted loader's constant payload, analysed without a finding of its own
     *         (the caller summarises those as inventory)
     */
    static boolean analyse(AnalysisContext context, CallSite site, GlobalPolicy.Decision loader, PickleValue data)
            throws IOException {
        GlobalPolicy.Payload kind = loader.payload();
        boolean trusted = loader.verdict() == GlobalPolicy.Verdict.ALLOW;
        Rule rule = trusted ? PickleRules.NESTED_CHECKPOINT : PickleRules.NESTED_PAYLOAD;
        String callee = ValueRenderer.value(site.callee());
        ByteSource bytes = bytesOf(data);
        if (bytes == null) {
            context.report(rule, site.offset(), callee, callee + " loads a payload computed at "
                    + "load time (" + ValueRenderer.value(data) + "); it cannot be analysed statically.");
            return false;
        }
        if (kind == GlobalPolicy.Payload.MARSHAL) {
            context.report(rule, site.offset(), callee, callee + " loads " + bytes.size()
                    + " bytes of marshalled Python code objects carried in the pickle; code objects are not analysed.");
            return false;
        }
        String name = nestedName(kind, site.offset());
        if (!trusted) {
            context.report(rule, site.offset(), callee, callee + " loads a serialised payload of " + bytes.size()
                    + " bytes carried in the pickle; it is analysed as " + context.path().child(name) + ".");
        }
        if (kind == GlobalPolicy.Payload.TORCH) {
            context.scanEmbedded(name, bytes);
        } else {
            context.scanEmbeddedAs(name, bytes, ModelFormat.PICKLE);
        }
        return trusted;
    }

    static String nestedName(GlobalPolicy.Payload kind, long offset) {
        return "<nested-" + (kind == GlobalPolicy.Payload.TORCH ? "torch" : "pickle") + "@" + offset + ">";
    }

    /** The bytes of a constant payload: bytes as they are, text as latin-1 (Python 2 str); null otherwise. */
    private static ByteSource bytesOf(PickleValue data) {
        if (data instanceof PickleValue.Bytes b) {
            return b.content();
        }
        if (data instanceof PickleValue.Str s && s.complete() && s.text().chars().allMatch(c -> c <= 0xff)) {
            return new ArrayByteSource(s.text().getBytes(StandardCharsets.ISO_8859_1));
        }
        return null;
    }
}

package io.modelgate.scanner.pickle;

import io.modelgate.scanner.io.ArrayByteSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The few side-effect-free calls whose result the model computes, so that values built by them stay
 * constants: Python 3 pickles bytes of protocols 0-2 as {@code _codecs.encode(text, 'latin1')}, and a
 * payload hidden that way must still be recognised as bytes. Also knows which factory functions
 * create an instance of a class given as their first argument.
 */
final class ConstantFolding {

    private static final Set<String> LATIN1 = Set.of("latin1", "latin-1", "latin_1", "iso-8859-1", "iso8859-1",
            "iso_8859_1", "l1");

    /** Callables that return an instance of their first argument (a class). */
    private static final Set<String> FACTORIES = Set.of("copyreg._reconstructor", "copyreg.__newobj__",
            "copyreg.__newobj_ex__", "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct");

    private ConstantFolding() {
    }

    /** The value a call site pushes: a folded constant, or the symbolic result of the call. */
    static PickleValue result(CallSite site) {
        if (site.kind() == CallSite.Kind.REDUCE && site.callee() instanceof PickleValue.Global global) {
            PickleValue folded = fold(global.qualified(), site.args());
            if (folded != null) {
                return folded;
            }
        }
        return new PickleValue.Call(site);
    }

    private static PickleValue fold(String callee, List<PickleValue> args) {
        PickleValue first = args.isEmpty() ? null : args.get(0);
        switch (callee) {
            case "_codecs.encode" -> {
                if (first instanceof PickleValue.Str text && text.complete() && args.size() == 2
                        && args.get(1) instanceof PickleValue.Str encoding
                        && LATIN1.contains(encoding.text().toLowerCase(Locale.ROOT))
                        && text.text().chars().allMatch(c -> c <= 0xff)) {
                    byte[] bytes = text.text().getBytes(StandardCharsets.ISO_8859_1);
                    return new PickleValue.Bytes(new ArrayByteSource(bytes), bytes.length);
                }
                return null;
            }
            case "builtins.str" -> {
                return args.size() == 1 && first instanceof PickleValue.Str ? first : null;
            }
            case "builtins.bytes", "builtins.bytearray" -> {
                return args.size() == 1 && first instanceof PickleValue.Bytes ? first : null;
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * The class a factory call instantiates ({@code copyreg._reconstructor(cls, base, state)} makes a
     * {@code cls}); null when the call is not a known factory.
     */
    static PickleValue instantiatedClass(CallSite site) {
        if (site.callee() instanceof PickleValue.Global global && FACTORIES.contains(global.qualified())
                && !site.args().isEmpty()) {
            return site.args().get(0);
        }
        return null;
    }

    /** The class whose {@code __setstate__} BUILD would run on {@code instance}; null when unknown. */
    static PickleValue classOf(PickleValue instance) {
        if (!(instance instanceof PickleValue.Call call)) {
            return null;
        }
        PickleValue made = instantiatedClass(call.site);
        return made != null ? made : call.site.callee();
    }
}

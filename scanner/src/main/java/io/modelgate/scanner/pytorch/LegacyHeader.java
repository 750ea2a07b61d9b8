package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.pickle.PickleValue;
import io.modelgate.scanner.pickle.PickleValues;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The three pickles that open a legacy stream. torch.load refuses a file whose magic number or
 * protocol version differs, so anything else is a malformed (possibly crafted) file.
 *
 * @param littleEndian the {@code little_endian} flag of the system-info dict, when present
 */
record LegacyHeader(Optional<Boolean> littleEndian) {

    static Optional<LegacyHeader> read(PickleCursor stream) throws IOException {
        Optional<PickleValue> magic = stream.next("magic-number", null);
        if (magic.isEmpty()) {
            return Optional.empty();
        }
        if (!isInteger(magic.get(), LegacyTorchAnalyzer.MAGIC_NUMBER)) {
            stream.malformed("the first pickle is not the PyTorch magic number");
            return Optional.empty();
        }
        Optional<PickleValue> protocol = stream.next("protocol-version", null);
        if (protocol.isEmpty()) {
            return Optional.empty();
        }
        if (!isInteger(protocol.get(), LegacyTorchAnalyzer.PROTOCOL_VERSION)) {
            stream.malformed("unsupported legacy protocol version (torch.load expects "
                    + LegacyTorchAnalyzer.PROTOCOL_VERSION + ")");
            return Optional.empty();
        }
        Optional<PickleValue> sysInfo = stream.next("system-info", null);
        if (sysInfo.isEmpty()) {
            return Optional.empty();
        }
        if (!(sysInfo.get() instanceof PickleValue.Dict dict)) {
            stream.malformed("the system-info pickle is not a dict");
            return Optional.empty();
        }
        return Optional.of(new LegacyHeader(PickleValues.get(dict, "little_endian")
                .filter(PickleValue.Bool.class::isInstance)
                .map(v -> ((PickleValue.Bool) v).value())));
    }

    private static boolean isInteger(PickleValue value, BigInteger expected) {
        return value instanceof PickleValue.Int i && expected.equals(i.value());
    }

    /** A list of complete strings, as the storage-key pickle holds. */
    static Optional<List<String>> stringList(PickleValue value) {
        if (!(value instanceof PickleValue.Sequence seq) || seq.kind() != PickleValue.Sequence.Kind.LIST
                || seq.dropped() > 0) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>(seq.items().size());
        for (PickleValue item : seq.items()) {
            Optional<String> key = PickleValues.text(item);
            if (key.isEmpty()) {
                return Optional.empty();
            }
            out.add(key.get());
        }
        return Optional.of(out);
    }
}

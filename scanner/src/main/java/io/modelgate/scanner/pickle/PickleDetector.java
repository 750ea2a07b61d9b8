package io.modelgate.scanner.pickle;

import io.modelgate.scanner.detect.Detection;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises pickles by content whatever their name ({@code .bin}, {@code .ckpt}, no extension):
 * binary protocols 2-5 and text protocols 0-1 alike, by a bounded dry run of the opcode interpreter.
 * The legacy {@code torch.save} stream, which starts with a pickled magic number, is told apart.
 * A file named for a pickle loader ({@code .pkl}, {@code .joblib}, ...) that is no pickle is left to the
 * engine's model-name rule, which reports it incomplete unless its content is positively something else.
 */
public final class PickleDetector implements FormatDetector {

    /** PROTO 2, LONG1 of 10 bytes holding 0x1950a86a20f9469cfc6c, STOP: torch's legacy MAGIC_NUMBER pickle. */
    private static final byte[] LEGACY_TORCH_MAGIC = {
        (byte) 0x80, 0x02, (byte) 0x8a, 0x0a,
        0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19,
        0x2e};

    /** {@code torch.serialization.MAGIC_NUMBER}, the value of the first pickle of a legacy stream. */
    public static final BigInteger LEGACY_TORCH_MAGIC_NUMBER = new BigInteger("1950a86a20f9469cfc6c", 16);

    private final PickleObserver observers;

    public PickleDetector() {
        this(List.of());
    }

    /** @param observers writers' inline data the dry run must accept (as given to {@link PickleAnalyzer}) */
    public PickleDetector(List<PickleObserver> observers) {
        this.observers = PickleObserver.all(observers);
    }

    @Override
    public Optional<Detection> detect(ByteSource source, byte[] head, String name) throws IOException {
        if (startsWith(head, LEGACY_TORCH_MAGIC)) {
            return Optional.of(new Detection(ModelFormat.PYTORCH_LEGACY, "pickled legacy torch.save magic number"));
        }
        PickleSniffer.Sniff sniff = PickleSniffer.sniff(source, 0, observers);
        if (sniff == null) {
            return Optional.empty();
        }
        if (sniff.legacyTorch()) {
            // torch.save(..., pickle_protocol=n): the same legacy stream, written with another protocol
            return Optional.of(new Detection(ModelFormat.PYTORCH_LEGACY,
                    "legacy torch.save magic number pickled with protocol " + sniff.protocol()));
        }
        String reason = sniff.protocol() >= 2 ? "pickle protocol " + sniff.protocol() + " opcodes"
                : "pickle protocol 0/1 opcodes";
        return Optional.of(new Detection(ModelFormat.PICKLE, reason));
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}

package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.pickle.PickleAnalyzer;
import io.modelgate.scanner.pickle.PickleDetector;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Analyses the legacy (non-zip) torch.save stream: five pickles back to back (magic number, protocol
 * version, system info, the object, the sorted storage keys), each analysed by the pickle analyser,
 * then raw storage bytes that are measured against the element counts but never parsed as a pickle.
 */
public final class LegacyTorchAnalyzer implements FormatAnalyzer {

    /** {@code torch.serialization.MAGIC_NUMBER}. */
    static final BigInteger MAGIC_NUMBER = PickleDetector.LEGACY_TORCH_MAGIC_NUMBER;
    /** {@code torch.serialization.PROTOCOL_VERSION}. */
    static final BigInteger PROTOCOL_VERSION = BigInteger.valueOf(1001);

    private final PickleAnalyzer pickles;

    public LegacyTorchAnalyzer(PickleAnalyzer pickles) {
        this.pickles = pickles;
    }

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.PYTORCH_LEGACY);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        context.fact("pytorch.format", "legacy");
        PickleCursor cursor = new PickleCursor(pickles, source, context, PyTorchRules.MALFORMED_LEGACY_HEADER);
        Optional<LegacyHeader> header = LegacyHeader.read(cursor);
        if (header.isEmpty()) {
            return;
        }
        header.get().littleEndian().ifPresent(little -> context.fact("pytorch.little_endian", little));
        StorageIndex storages = new StorageIndex();
        if (cursor.next("object", storages).isEmpty()) {
            return;
        }
        Optional<List<String>> keys = cursor.next("storage keys", null).flatMap(LegacyHeader::stringList);
        if (keys.isEmpty()) {
            cursor.malformed("the storage-key pickle is not a list of keys");
            return;
        }
        context.fact("pytorch.storage_keys", keys.get().size());
        for (String key : keys.get()) {
            context.deadline().check();
            Integer elementBytes = storages.elementBytes().get(key);
            if (elementBytes == null) {
                cursor.rawMalformed("storage '" + key + "' is listed but no persistent id declares its type");
                return;
            }
            if (!RawStorage.skip(cursor, elementBytes, "storage '" + key + "'")) {
                return;
            }
        }
        cursor.checkTrailing();
    }
}

package io.modelgate.scanner.pytorch;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.pickle.PickleAnalyzer;

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
    static final BigInteger MAGIC_NUMBER = new BigInteger("1950a86a20f9469cfc6c", 16);
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
        LegacyStream stream = new LegacyStream(pickles, source, context);
        Optional<LegacyHeader> header = LegacyHeader.read(stream);
        if (header.isEmpty()) {
            return;
        }
        header.get().littleEndian().ifPresent(little -> context.fact("pytorch.little_endian", little));
        StorageIndex storages = new StorageIndex();
        if (stream.next("object", storages).isEmpty()) {
            return;
        }
        Optional<List<String>> keys = stream.next("storage keys", null).flatMap(LegacyHeader::stringList);
        if (keys.isEmpty()) {
            stream.malformed("the storage-key pickle is not a list of keys");
            return;
        }
        context.fact("pytorch.storage_keys", keys.get().size());
        checkStorageData(source, context, stream.position(), keys.get(), storages);
    }

    private static void checkStorageData(ByteSource source, AnalysisContext context, long start, List<String> keys,
                                         StorageIndex storages) throws IOException {
        LegacyStorageLayout.Walk walk = LegacyStorageLayout.walk(source, start, keys, storages.elementBytes(),
                context.deadline());
        if (!walk.ok()) {
            context.report(PyTorchRules.MALFORMED_STORAGE_DATA, walk.end(), null, walk.failure());
            context.incomplete("legacy PyTorch storages: " + walk.failure());
            return;
        }
        long trailing = source.size() - walk.end();
        if (trailing > 0) {
            context.report(PyTorchRules.TRAILING_DATA, walk.end(), null,
                    trailing + " bytes after the last storage, ignored by torch.load");
            context.scanEmbedded("trailing-data", source.slice(walk.end(), trailing));
        }
    }
}

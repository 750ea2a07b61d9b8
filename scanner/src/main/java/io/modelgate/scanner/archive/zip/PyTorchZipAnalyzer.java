package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.archive.EntryPaths;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PyTorch zip checkpoints and TorchScript archives: every pickle member (any {@code *.pkl}, not only
 * {@code data.pkl}) is analysed as a pickle, raw {@code data/<key>} storage records are counted but not
 * read, and all other members are detected like in any zip.
 */
public final class PyTorchZipAnalyzer implements FormatAnalyzer {

    private static final Pattern STORAGE_RECORD = Pattern.compile("data/\\d+");
    private static final int MAX_MARKER_BYTES = 64;

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.PYTORCH_ZIP, ModelFormat.TORCHSCRIPT);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        ZipLayout layout = ZipWalker.layout(source, context);
        List<String> centralNames = layout.members().stream()
                .filter(m -> m.origin() == ZipMember.Origin.CENTRAL_DIRECTORY).map(ZipMember::name).toList();
        String prefix = EntryPaths.topFolder(centralNames).orElse("");
        context.fact("pytorch.prefix", prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
        TorchRouter router = new TorchRouter(prefix, context);
        ZipWalker.walk(layout, source, context, router);
        context.fact("pytorch.storageCount", router.storages);
        context.fact("pytorch.pickles", List.copyOf(router.pickles));
    }

    /** Routes members of a checkpoint and collects its facts. */
    private static final class TorchRouter implements MemberRouter {

        private final String prefix;
        private final AnalysisContext context;
        private final List<String> pickles = new ArrayList<>();
        private int storages;

        TorchRouter(String prefix, AnalysisContext context) {
            this.prefix = prefix;
            this.context = context;
        }

        @Override
        public MemberRoute route(ZipMember member) {
            if (member.allNames().stream().anyMatch(n -> n.endsWith(".pkl"))) {
                pickles.add(member.name());
                return MemberRoute.as(ModelFormat.PICKLE);
            }
            Optional<String> record = relative(member.name());
            if (record.isPresent() && STORAGE_RECORD.matcher(record.get()).matches()) {
                // raw tensor bytes: never unpickled by the loader, and random bytes may look like anything
                storages++;
                return MemberRoute.SKIP;
            }
            return MemberRoute.DETECT;
        }

        @Override
        public void opened(ZipMember member, ByteSource data) throws IOException {
            Optional<String> record = relative(member.name());
            if (record.isEmpty() || data.size() > MAX_MARKER_BYTES) {
                return;
            }
            String value = new String(data.prefix(MAX_MARKER_BYTES), StandardCharsets.US_ASCII).trim();
            switch (record.get()) {
                case "version", ".data/version" -> context.fact("pytorch.version", value);
                case "byteorder" -> context.fact("pytorch.byteorder", value);
                default -> {
                }
            }
        }

        private Optional<String> relative(String name) {
            return name.startsWith(prefix) ? Optional.of(name.substring(prefix.length())) : Optional.empty();
        }
    }
}

package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.archive.ArchiveRules;
import io.modelgate.scanner.archive.ArchiveWalk;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Walks every member of a zip layout, checks its hygiene and hands it on as the router says. */
final class ZipWalker {

    private static final int MAX_LINK_TARGET = 4096;
    private static final int SPLIT_MARKER_LENGTH = 4;
    /** How the data before a zip's first entry appears in artifact paths. */
    static final String PREFIX_NAME = "(data before the zip)";

    private ZipWalker() {
    }

    /** Reads both views of the zip and reports what is wrong with its structure. */
    static ZipLayout layout(ByteSource source, AnalysisContext context) throws IOException {
        ZipLayout layout = new ZipLayoutReader(source, context.limits(), context.deadline()).read();
        for (Discrepancy d : layout.discrepancies()) {
            context.report(d.rule(), d.offset(), d.subject(), d.message());
        }
        scanPrefix(layout, source, context);
        return layout;
    }

    /** Bytes before the first entry (beyond a split-archive marker) are reported and analysed. */
    private static void scanPrefix(ZipLayout layout, ByteSource source, AnalysisContext context) throws IOException {
        long first = layout.members().stream().filter(m -> m.dataOffset() >= 0).mapToLong(ZipMember::headerOffset)
                .min().orElse(0);
        if (first <= SPLIT_MARKER_LENGTH && (first == 0 || splitMarker(source))) {
            return;
        }
        context.report(ArchiveRules.PREPENDED_DATA, 0, null, first + " bytes of other data precede the first entry");
        context.scanEmbedded(PREFIX_NAME, source.slice(0, first));
    }

    private static boolean splitMarker(ByteSource source) throws IOException {
        byte[] head = source.prefix(SPLIT_MARKER_LENGTH);
        return LittleEndian.signatureAt(head, 0, 7, 8) || LittleEndian.signatureAt(head, 0, '0', '0');
    }

    static void walk(ZipLayout layout, ByteSource source, AnalysisContext context, MemberRouter router)
            throws IOException {
        ArchiveWalk walk = new ArchiveWalk(context);
        boolean expand = !layout.overlapping();
        if (!expand) {
            long compressed = layout.members().stream().filter(ZipMember::compressed).count();
            if (compressed > 0) {
                context.incomplete("its entries overlap, the construction of zip bombs: its " + compressed
                        + " compressed entries were not expanded");
            }
        }
        ZipMemberReader reader = new ZipMemberReader(source, walk, expand);
        for (ZipMember member : layout.members()) {
            context.deadline().check();
            if (!walk.admit(member.name())) {
                break;
            }
            if (member.directory()) {
                continue;
            }
            if (member.symbolicLink()) {
                checkLink(member, reader, walk);
                continue;
            }
            MemberRoute route = router.route(member);
            if (route.skip()) {
                continue;
            }
            Optional<ByteSource> data = reader.open(member);
            if (data.isPresent()) {
                try (ByteSource content = data.get()) {
                    router.opened(member, content);
                    walk.scan(member.name(), content, route.format());
                }
            }
        }
    }

    private static void checkLink(ZipMember member, ZipMemberReader reader, ArchiveWalk walk) throws IOException {
        Optional<ByteSource> data = reader.open(member);
        if (data.isPresent()) {
            try (ByteSource content = data.get()) {
                byte[] target = content.prefix(MAX_LINK_TARGET);
                walk.checkLink(member.name(), new String(target, StandardCharsets.UTF_8), true);
            }
        }
    }
}

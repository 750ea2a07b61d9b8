package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.io.ByteSource;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A zip appended to a file of another format that is analysed on its own (a llamafile: an executable whose
 * weights are zip members). The caller reports the leading part; this walks the members as any zip's.
 */
public final class AppendedZip {

    private static final int MAX_NAMES = 100_000;

    private AppendedZip() {
    }

    /** The member names of the zip the source ends with, empty when it ends with none. */
    public static Optional<List<String>> memberNames(ByteSource source) throws IOException {
        Optional<CentralDirectory> directory = CentralDirectoryReader.read(source, MAX_NAMES);
        if (directory.isEmpty() || directory.get().records().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(directory.get().records().stream().map(CentralRecord::name).toList());
    }

    /** Checks the zip's structure and analyses every member one level deeper, leaving the leading part alone. */
    public static void walkMembers(ByteSource source, AnalysisContext context) throws IOException {
        ZipLayout layout = new ZipLayoutReader(source, context.limits(), context.deadline()).read();
        for (Discrepancy d : layout.discrepancies()) {
            context.report(d.rule(), d.offset(), d.subject(), d.message());
        }
        ZipWalker.walk(layout, source, context, member -> MemberRoute.DETECT);
    }
}

package io.modelgate.scanner.archive.zip;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.archive.ArchiveWalk;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.packaging.PackageKind;
import io.modelgate.scanner.packaging.PackageLayout;
import io.modelgate.scanner.packaging.PackageManifests;
import io.modelgate.scanner.packaging.SoftwarePackage;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Python wheels and Java archives: the manifest is read first and, when it identifies the package, the
 * package is named in facts and its own programs are expected; every member is then analysed as in any
 * zip, so the models it bundles get their full analysis.
 */
public final class PackageZipAnalyzer implements FormatAnalyzer {

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.PYTHON_WHEEL, ModelFormat.JAVA_ARCHIVE);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        ZipLayout layout = ZipWalker.layout(source, context);
        List<ZipMember> central = layout.members().stream()
                .filter(m -> m.origin() == ZipMember.Origin.CENTRAL_DIRECTORY).toList();
        Optional<PackageKind> kind = PackageLayout.ofZip(central.stream().map(ZipMember::name).toList());
        Optional<SoftwarePackage> identified = kind.isEmpty() ? Optional.empty()
                : PackageManifests.describe(kind.get(), manifests(central, source, context));
        if (identified.isPresent()) {
            context.enterPackage(identified.get());
        } else {
            context.fact("package.manifest", "missing or malformed: analysed as a plain zip");
        }
        ZipWalker.walk(layout, source, context, member -> MemberRoute.DETECT);
    }

    /** The bytes of the manifest entries, each read once under the archive's limits. */
    private static Map<String, byte[]> manifests(List<ZipMember> members, ByteSource source, AnalysisContext context)
            throws IOException {
        Map<String, byte[]> manifests = new HashMap<>();
        ZipMemberReader reader = new ZipMemberReader(source, new ArchiveWalk(context), true);
        for (ZipMember member : members) {
            if (!PackageLayout.isManifest(member.name()) || manifests.containsKey(member.name())
                    || member.size() > PackageManifests.MAX_MANIFEST_BYTES) {
                continue;
            }
            Optional<ByteSource> data = reader.open(member);
            if (data.isPresent()) {
                try (ByteSource content = data.get()) {
                    if (content.size() <= PackageManifests.MAX_MANIFEST_BYTES) {
                        manifests.put(member.name(), content.prefix(PackageManifests.MAX_MANIFEST_BYTES));
                    }
                }
            }
        }
        return manifests;
    }
}

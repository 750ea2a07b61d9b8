package io.modelgate.scanner.archive.tar;

import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.packaging.PackageLayout;
import io.modelgate.scanner.packaging.PackageManifests;
import io.modelgate.scanner.packaging.SoftwarePackage;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * npm tarballs and Python sdists: the manifest is read first and, when it identifies the package, the
 * package is named in facts and its own programs are expected; every member is then analysed as in any
 * tar, so the models it bundles get their full analysis.
 */
public final class PackageTarAnalyzer implements FormatAnalyzer {

    private final TarAnalyzer members = new TarAnalyzer();

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.NPM_PACKAGE, ModelFormat.PYTHON_SDIST);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        TarIndex index = TarIndex.read(source, TarFlavorDetector.MAX_PACKAGE_HEADERS, PackageLayout::isManifest,
                PackageManifests.MAX_MANIFEST_BYTES);
        Optional<SoftwarePackage> identified = PackageLayout.ofTar(index.names())
                .flatMap(kind -> PackageManifests.describe(kind, index.kept()));
        if (identified.isPresent()) {
            context.enterPackage(identified.get());
        } else {
            context.fact("package.manifest", "missing or malformed: analysed as a plain tar");
        }
        members.analyze(source, context);
    }
}

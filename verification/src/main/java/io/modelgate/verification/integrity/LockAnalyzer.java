package io.modelgate.verification.integrity;

import io.modelgate.scanner.analysis.Failures;
import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code scan --lock FILE}: the scanned folder must hold exactly the files of the approved lock,
 * byte for byte. Changed, added and removed files are findings on the files concerned.
 */
public final class LockAnalyzer implements FolderAnalyzer {

    @Override
    public void analyze(FolderView folder, FolderContext context) throws IOException {
        if (!context.isScanRoot() || context.options().lock().isEmpty()) {
            return;
        }
        Path lockPath = context.options().lock().get();
        String source = "lock " + lockPath.toString().replace('\\', '/');
        LockFile lock;
        try {
            lock = LockFileCodec.read(lockPath);
        } catch (IOException e) {
            String reason = "lock file " + lockPath + " unusable: " + Failures.describe(e);
            context.report(Finding.of(IntegrityRules.LOCK_UNUSABLE, where(folder.displayPath()), lockPath.toString(),
                    reason));
            context.incomplete(folder.displayPath(), reason);
            IntegrityFacts.check(context, IntegrityFacts.Check.error("lock", lockPath.toString(), Failures.describe(e)));
            return;
        }
        List<TreeEntry> entries = ModelTree.list(folder.directory(), lock.ignoredPaths(),
                context.limits().maxEntries());
        Map<String, Fingerprint> actual = FileHashing.fingerprints(entries, context.digests(),
                FileHashing.defaultThreads());
        ManifestComparison comparison = ManifestComparison.compare(lock.entries(), actual);
        for (ManifestComparison.Difference d : comparison.differences()) {
            context.report(finding(folder, d));
        }
        for (String name : comparison.matched()) {
            Fingerprint f = actual.get(name);
            IntegrityFacts.matched(context, folder.childPath(name), f.isLink() ? f.toString() : f.sha256(), source);
        }
        List<String> changed = comparison.names(ManifestComparison.Kind.CHANGED);
        List<String> kindChanged = comparison.names(ManifestComparison.Kind.KIND_CHANGED);
        List<String> added = comparison.names(ManifestComparison.Kind.ADDED);
        List<String> removed = comparison.names(ManifestComparison.Kind.REMOVED);
        IntegrityFacts.check(context, new IntegrityFacts.Check("lock", lockPath.toString(),
                comparison.identical() ? "match" : "mismatch", comparison.matched().size(),
                changed.size() + kindChanged.size() + added.size() + removed.size(), null, changed, kindChanged,
                added, removed));
    }

    private static Finding finding(FolderView folder, ManifestComparison.Difference d) {
        Location at = where(folder.childPath(d.name()));
        return switch (d.kind()) {
            case CHANGED -> Finding.of(IntegrityRules.DIGEST_MISMATCH, at, d.actual().sha256(),
                    "Content differs from the approved lock: expected " + d.expected() + ", found " + d.actual() + ".");
            case KIND_CHANGED -> Finding.of(IntegrityRules.FILE_KIND_CHANGED, at, null,
                    "The lock records " + d.expected() + "; the folder has " + d.actual() + ".");
            case ADDED -> Finding.of(IntegrityRules.FILE_ADDED, at, d.actual().isLink() ? null : d.actual().sha256(),
                    d.renamedFrom() == null ? "File is not in the approved lock (" + d.actual() + ")."
                            : "File is not in the approved lock; it has the content of the locked '" + d.renamedFrom()
                            + "', which is missing (renamed).");
            case REMOVED -> Finding.of(IntegrityRules.FILE_REMOVED, at, null,
                    "The approved lock lists this file (" + d.expected() + ") but it is not in the folder.");
        };
    }

    private static Location where(String displayPath) {
        return Location.of(ArtifactPath.of(displayPath));
    }
}

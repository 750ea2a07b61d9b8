package io.modelgate.scanner;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.analysis.Failures;
import io.modelgate.scanner.folder.FileDigests;
import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.FolderResult;
import io.modelgate.scanner.model.Location;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the folder analysers over each walked folder. What they report (facts, findings, incomplete
 * reasons) is returned per folder; the files' own results stay as the per-file engine left them.
 */
final class FolderPass {

    private final List<FolderAnalyzer> analyzers;
    private final Limits limits;
    private final VerificationOptions options;
    private final Clock clock;

    FolderPass(List<FolderAnalyzer> analyzers, Limits limits, VerificationOptions options, Clock clock) {
        this.analyzers = analyzers;
        this.limits = limits;
        this.options = options;
        this.clock = clock;
    }

    List<FolderResult> run(List<Path> roots, List<FileTarget> targets, List<FileResult> results) {
        if (analyzers.isEmpty()) {
            return List.of();
        }
        // Scanned folders come first and are present even when they hold only subfolders.
        Set<String> rootFolders = new LinkedHashSet<>();
        Map<String, List<FileResult>> byFolder = new LinkedHashMap<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                String shown = root.toString().replace('\\', '/');
                rootFolders.add(shown);
                byFolder.put(shown, new ArrayList<>());
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            String folder = targets.get(i).folderDisplayPath();
            if (folder != null) {
                byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(results.get(i));
            }
        }
        FileDigests known = FileDigests.gatheredOnFirstUse(() -> digests(targets, results));
        List<FolderResult> folders = new ArrayList<>();
        for (Map.Entry<String, List<FileResult>> entry : byFolder.entrySet()) {
            FolderView view = new FolderView(Path.of(entry.getKey()), entry.getKey(), entry.getValue());
            FolderContext context = new FolderContext(limits, options, known, rootFolders.contains(entry.getKey()),
                    clock);
            runAll(analyzers, view, context, entry.getKey());
            if (!context.facts().isEmpty() || !context.findings().isEmpty() || !context.incompleteByFile().isEmpty()) {
                folders.add(new FolderResult(entry.getKey(), context.facts(), context.findings(),
                        context.incompleteByFile()));
            }
        }
        fileRoots(targets, results, known, folders);
        return folders;
    }

    /** The digest of every file on disk the scan hashed, by its canonical path. */
    private static Map<Path, String> digests(List<FileTarget> targets, List<FileResult> results) {
        Map<Path, String> digests = new HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).file() != null && results.get(i).sha256() != null) {
                digests.put(FileDigests.key(Path.of(targets.get(i).displayPath())), results.get(i).sha256());
            }
        }
        return digests;
    }

    /**
     * Files given directly: the checks that apply to them (a signature next to the file) run on a view of
     * the file's folder that holds that file alone; what they find is reported under the file's path.
     */
    private void fileRoots(List<FileTarget> targets, List<FileResult> results, FileDigests known,
                           List<FolderResult> folders) {
        List<FolderAnalyzer> applicable = analyzers.stream().filter(FolderAnalyzer::checksFileRoots).toList();
        if (applicable.isEmpty()) {
            return;
        }
        for (int i = 0; i < targets.size(); i++) {
            FileTarget target = targets.get(i);
            if (target.inFolder() || target.file() == null || !Files.isRegularFile(target.file())) {
                continue;
            }
            Path parent = target.file().toAbsolutePath().getParent();
            String shown = target.displayPath();
            int slash = shown.lastIndexOf('/');
            FolderView view = new FolderView(parent, slash < 0 ? "" : shown.substring(0, slash),
                    List.of(results.get(i)), true);
            FolderContext context = new FolderContext(limits, options, known, true, clock);
            runAll(applicable, view, context, shown);
            if (!context.facts().isEmpty() || !context.findings().isEmpty() || !context.incompleteByFile().isEmpty()) {
                folders.add(new FolderResult(shown, context.facts(), context.findings(), context.incompleteByFile()));
            }
        }
    }

    private static void runAll(List<FolderAnalyzer> analyzers, FolderView view, FolderContext context,
                               String shown) {
        for (FolderAnalyzer analyzer : analyzers) {
            try {
                analyzer.analyze(view, context);
            } catch (IOException | RuntimeException e) {
                String reason = "a check of the whole folder failed: " + Failures.describe(e);
                context.report(Finding.of(CoreRules.INCOMPLETE, Location.of(ArtifactPath.of(shown)), null, reason));
                context.incomplete(shown, reason);
            }
        }
    }
}

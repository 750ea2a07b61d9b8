package io.modelgate.scanner;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.folder.FileDigests;
import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.FileStatus;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.FolderResult;
import io.modelgate.scanner.model.Location;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the folder analysers over each walked folder and merges what they report into the file
 * results. A finding on a file that is not there (a missing shard) gets an entry of its own.
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
        Set<String> rootFolders = new java.util.LinkedHashSet<>();
        Map<String, List<FileResult>> byFolder = new LinkedHashMap<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                String shown = root.toString().replace('\\', '/');
                rootFolders.add(shown);
                byFolder.put(shown, new ArrayList<>());
            }
        }
        Map<Path, String> digests = new java.util.HashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            String folder = targets.get(i).folderDisplayPath();
            if (folder != null) {
                byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(results.get(i));
            }
            if (targets.get(i).file() != null && results.get(i).sha256() != null) {
                digests.put(FileDigests.key(Path.of(targets.get(i).displayPath())), results.get(i).sha256());
            }
        }
        FileDigests known = new FileDigests(digests);
        List<FolderResult> folders = new ArrayList<>();
        for (Map.Entry<String, List<FileResult>> entry : byFolder.entrySet()) {
            FolderView view = new FolderView(Path.of(entry.getKey()), entry.getKey(), entry.getValue());
            FolderContext context = new FolderContext(limits, options, known, rootFolders.contains(entry.getKey()),
                    clock);
            runAll(analyzers, view, context, entry.getKey());
            merge(results, context);
            if (!context.facts().isEmpty()) {
                folders.add(new FolderResult(entry.getKey(), context.facts()));
            }
        }
        fileRoots(targets, results, known, folders);
        return folders;
    }

    /**
     * Files given directly: the checks that apply to them (a signature next to the file) run on a view of
     * the file's folder that holds that file alone; their facts are reported under the file's path.
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
            merge(results, context);
            if (!context.facts().isEmpty()) {
                folders.add(new FolderResult(shown, context.facts()));
            }
        }
    }

    private static void runAll(List<FolderAnalyzer> analyzers, FolderView view, FolderContext context,
                               String shown) {
        for (FolderAnalyzer analyzer : analyzers) {
            try {
                analyzer.analyze(view, context);
            } catch (IOException | RuntimeException e) {
                String where = view.childPath(".");
                context.report(Finding.of(CoreRules.INCOMPLETE, Location.of(ArtifactPath.of(shown)), null,
                        "folder check " + analyzer.getClass().getSimpleName() + " failed: " + e.getMessage()));
                context.incomplete(where, "folder check failed: " + e.getMessage());
            }
        }
    }

    private static void merge(List<FileResult> results, FolderContext context) {
        Map<String, List<Finding>> findingsByFile = new LinkedHashMap<>();
        for (Finding f : context.findings()) {
            findingsByFile.computeIfAbsent(f.location().path().segments().get(0), k -> new ArrayList<>()).add(f);
        }
        Map<String, List<String>> incomplete = context.incompleteByFile();
        Set<String> touched = new java.util.LinkedHashSet<>(findingsByFile.keySet());
        touched.addAll(incomplete.keySet());
        for (String path : touched) {
            List<Finding> extra = findingsByFile.getOrDefault(path, List.of());
            List<String> reasons = incomplete.getOrDefault(path, List.of());
            int index = indexOf(results, path);
            if (index < 0) {
                boolean isIncomplete = !reasons.isEmpty();
                results.add(new FileResult(path, "absent", Set.of(), 0, null,
                        FileStatus.decide(false, isIncomplete, extra, true),
                        extra.stream().sorted(Finding.REPORT_ORDER).toList(), reasons, Map.of()));
                continue;
            }
            results.set(index, results.get(index).withAdded(extra, reasons));
        }
    }

    private static int indexOf(List<FileResult> results, String path) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).path().equals(path)) {
                return i;
            }
        }
        return -1;
    }
}

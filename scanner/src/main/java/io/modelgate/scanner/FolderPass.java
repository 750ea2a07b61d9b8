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
        Map<Path, String> digests = new HashMap<>();
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
            for (FolderAnalyzer analyzer : analyzers) {
                try {
                    analyzer.analyze(view, context);
                } catch (IOException | RuntimeException e) {
                    String reason = "a check of the whole folder failed: " + Failures.describe(e);
                    context.report(Finding.of(CoreRules.INCOMPLETE, Location.of(ArtifactPath.of(entry.getKey())), null,
                            reason));
                    context.incomplete(entry.getKey(), reason);
                }
            }
            if (!context.facts().isEmpty() || !context.findings().isEmpty() || !context.incompleteByFile().isEmpty()) {
                folders.add(new FolderResult(entry.getKey(), context.facts(), context.findings(),
                        context.incompleteByFile()));
            }
        }
        return folders;
    }
}

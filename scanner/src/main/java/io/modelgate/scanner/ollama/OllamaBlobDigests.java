package io.modelgate.scanner.ollama;

import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.folder.FolderContext;
import io.modelgate.scanner.folder.FolderView;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ollama stores each layer as {@code blobs/sha256-<hex>} (older versions {@code sha256:<hex>}): the name is the
 * content's digest, so a blob whose SHA-256 differs was replaced or altered.
 */
public final class OllamaBlobDigests implements FolderAnalyzer {

    private static final Pattern BLOB = Pattern.compile("sha256[-:]([0-9a-f]{64})");

    @Override
    public void analyze(FolderView folder, FolderContext context) {
        String directory = folder.directory().getFileName() == null ? ""
                : folder.directory().getFileName().toString();
        if (!directory.equals("blobs")) {
            return;
        }
        for (FileResult file : folder.files()) {
            Matcher name = BLOB.matcher(folder.nameOf(file));
            if (!name.matches() || file.sha256() == null) {
                continue;
            }
            String actual = file.sha256().toLowerCase(Locale.ROOT);
            if (!actual.equals(name.group(1))) {
                context.report(Finding.of(OllamaRules.BLOB_MISMATCH, Location.of(ArtifactPath.of(file.path())),
                        folder.nameOf(file), "The blob is named after digest " + name.group(1) + " but its content "
                                + "has SHA-256 " + actual + "."));
            }
        }
    }
}

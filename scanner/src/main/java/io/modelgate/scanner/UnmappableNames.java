package io.modelgate.scanner;

import io.modelgate.scanner.analysis.CoreRules;
import io.modelgate.scanner.model.ArtifactPath;
import io.modelgate.scanner.model.Finding;
import io.modelgate.scanner.model.Location;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * File names that the reported path cannot name again. Reports and folder checks address files by their
 * reported text; a name whose bytes do not decode in the file-system charset (any non-ASCII name under
 * {@code LANG=C}, or bytes that are not UTF-8) would point elsewhere or abort the scan, so such a file is
 * listed as not analysed instead of read.
 */
final class UnmappableNames {

    private UnmappableNames() {
    }

    static boolean roundTrips(Path path) {
        try {
            return Path.of(path.toString()).equals(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    static FileTarget target(Path path, String shown, boolean folder) {
        String message = (folder ? "Folder" : "File") + " name cannot be represented in the file-system encoding ("
                + System.getProperty("sun.jnu.encoding", "unknown") + "); " + (folder ? "its files were" : "it was")
                + " not analysed. Run under a UTF-8 locale (e.g. LC_ALL=C.UTF-8) or rename it.";
        Finding finding = Finding.of(CoreRules.INCOMPLETE, Location.of(ArtifactPath.of(shown)), null, message);
        return FileTarget.linked(null, shown, List.of(finding));
    }
}

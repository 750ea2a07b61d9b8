package io.modelgate.scanner.onnx;

import io.modelgate.scanner.analysis.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves an external-data {@code location} the way a loader would: relative to the model file's folder
 * on disk, or to the entry's folder when the model sits in an archive. Anything that leaves that folder
 * (absolute paths, drive letters, '..' climbing out, a link pointing elsewhere) escapes.
 */
final class ExternalDataLocator {

    sealed interface Resolution {
    }

    record Escapes(String why) implements Resolution {
    }

    record Missing(String why) implements Resolution {
    }

    record Present(Path file, long size) implements Resolution {
    }

    /** Inside an archive: the location stays in the entry's folder but no file can be checked. */
    record Unchecked() implements Resolution {
    }

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final int MAX_CACHED = 10_000;

    private final Optional<Path> modelFile;
    private final int entryFolderDepth;
    private final Map<String, Resolution> cache = new HashMap<>();

    /**
     * @param modelFile the model on disk, empty when the model is an archive entry
     * @param entryName the entry name inside its archive (ignored for a file on disk)
     */
    ExternalDataLocator(Optional<Path> modelFile, String entryName) {
        this.modelFile = modelFile;
        this.entryFolderDepth = modelFile.isPresent() ? 0 : folderDepth(entryName);
    }

    Resolution resolve(String location) {
        Resolution known = cache.get(location);
        if (known != null) {
            return known;
        }
        Resolution resolution = compute(location);
        if (cache.size() < MAX_CACHED) {
            cache.put(location, resolution);
        }
        return resolution;
    }

    private Resolution compute(String location) {
        if (location.isEmpty()) {
            return new Missing("the location is empty");
        }
        if (location.indexOf('\0') >= 0) {
            return new Escapes("the location contains a NUL character");
        }
        if (location.startsWith("/") || location.startsWith("\\")) {
            return new Escapes("the location is an absolute path");
        }
        if (DRIVE.matcher(location).matches()) {
            return new Escapes("the location names a drive");
        }
        Optional<List<String>> segments = normalise(location, entryFolderDepth);
        if (segments.isEmpty()) {
            return new Escapes("'..' climbs out of the model's folder");
        }
        if (segments.get().isEmpty()) {
            return new Missing("the location names the model's folder itself");
        }
        return modelFile.map(file -> onDisk(file, segments.get())).orElseGet(Unchecked::new);
    }

    private static Resolution onDisk(Path modelFile, List<String> segments) {
        Path folder = modelFile.toAbsolutePath().getParent();
        Path target = folder.resolve(String.join("/", segments));
        if (!Files.exists(target)) {
            return new Missing(Files.isSymbolicLink(target) ? "it is a dangling link" : "no such file");
        }
        try {
            Path real = target.toRealPath();
            if (!real.startsWith(folder.toRealPath())) {
                return new Escapes("it resolves through a link to " + real);
            }
            if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                return new Missing("it is not a regular file");
            }
            return new Present(real, Files.size(real));
        } catch (IOException e) {
            return new Missing("it cannot be read: " + Failures.describe(e));
        }
    }

    /** Path segments after resolving '.' and '..', or empty when '..' climbs above the start folder. */
    private static Optional<List<String>> normalise(String location, int startDepth) {
        List<String> out = new ArrayList<>();
        int depth = startDepth;
        for (String segment : location.split("[/\\\\]")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (depth == 0) {
                    return Optional.empty();
                }
                depth--;
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
            } else {
                out.add(segment);
                depth++;
            }
        }
        return Optional.of(out);
    }

    private static int folderDepth(String entryName) {
        Optional<List<String>> parts = normalise(entryName, 0);
        return parts.map(p -> Math.max(0, p.size() - 1)).orElse(0);
    }
}

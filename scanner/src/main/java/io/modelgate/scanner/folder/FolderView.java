package io.modelgate.scanner.folder;

import io.modelgate.scanner.model.FileResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One scanned folder: where it is on disk, the path shown for it in reports, and the results of
 * the files directly inside it (names relative to the folder, '/' separated).
 *
 * @param directory   the folder on disk
 * @param displayPath the folder as reported (prefix of its files' display paths)
 * @param files       results of the regular files directly in this folder
 * @param fileRoot    true for the folder of a file given directly: {@code files} holds that file alone
 *                    (see {@link FolderAnalyzer#checksFileRoots()})
 */
public record FolderView(Path directory, String displayPath, List<FileResult> files, boolean fileRoot) {

    public FolderView {
        files = List.copyOf(files);
    }

    public FolderView(Path directory, String displayPath, List<FileResult> files) {
        this(directory, displayPath, files, false);
    }

    /** The display path of a file named {@code name} in this folder ("" for the working folder). */
    public String childPath(String name) {
        if (displayPath.isEmpty()) {
            return name;
        }
        return displayPath.endsWith("/") ? displayPath + name : displayPath + "/" + name;
    }

    public Optional<FileResult> file(String name) {
        String wanted = childPath(name);
        return files.stream().filter(f -> f.path().equals(wanted)).findFirst();
    }

    /** Name of a file result relative to this folder. */
    public String nameOf(FileResult file) {
        String prefix = childPath("");
        return file.path().startsWith(prefix) ? file.path().substring(prefix.length()) : file.path();
    }
}

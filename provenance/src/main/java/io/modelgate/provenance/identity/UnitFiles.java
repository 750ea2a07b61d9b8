package io.modelgate.provenance.identity;

import io.modelgate.scanner.model.FileResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scanned files of one model unit and of the folder it sits in.
 *
 * @param path   the unit as shown in reports
 * @param kind   its packaging
 * @param anchor the file findings attach to
 * @param main   the unit's own files (weights of a folder unit, or the single file)
 * @param folder the files directly in the unit's folder, by name (cards, configs and license texts)
 */
record UnitFiles(String path, UnitKind kind, String anchor, List<FileResult> main, Map<String, FileResult> folder) {

    Optional<FileResult> named(String name) {
        return Optional.ofNullable(folder.get(name));
    }
}

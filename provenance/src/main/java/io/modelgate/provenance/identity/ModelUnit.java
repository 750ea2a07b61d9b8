package io.modelgate.provenance.identity;

import io.modelgate.scanner.model.ArtifactPath;

import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * One model unit found in a scan, on disk or inside a container.
 *
 * @param path      the unit as shown in reports: a folder, a file, or a folder inside a container
 *                  ({@code bundle.zip!models/bert})
 * @param kind      its packaging
 * @param anchor    the artifact findings about the unit attach to
 * @param main      the unit's weights (of a folder unit) or its single file
 * @param folder    the artifacts directly in the unit's folder, by name (cards, configs, license texts)
 * @param container the archive or package holding the unit, null when it is on disk
 */
public record ModelUnit(String path, UnitKind kind, ArtifactPath anchor, List<Artifact> main,
                        Map<String, Artifact> folder, Artifact container) {

    public ModelUnit {
        main = List.copyOf(main);
    }

    Optional<Artifact> named(String name) {
        return Optional.ofNullable(folder.get(name));
    }

    /** The unit's own artifacts: every artifact of its folder for a folder unit, the file itself otherwise. */
    public List<Artifact> artifacts() {
        return kind == UnitKind.HF_FOLDER || kind == UnitKind.ADAPTER
                ? folder.values().stream().filter(a -> !UnitDiscovery.isFileUnit(a)).toList() : main;
    }
}

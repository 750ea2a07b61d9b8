package io.modelgate.sbom.cyclonedx;

import io.modelgate.scanner.model.FileResult;
import io.modelgate.sbom.ModelGateProperties;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;

import java.util.List;

/** A scanned file as a CycloneDX {@code file} component: its path, digest, format and scan status. */
final class FileComponents {

    private FileComponents() {
    }

    static Component of(FileResult file) {
        Component component = new Component();
        component.setType(Component.Type.FILE);
        component.setBomRef(BomRefs.file(file.path()));
        component.setName(file.path());
        if (file.sha256() != null) {
            component.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, file.sha256())));
        }
        component.setProperties(new Properties()
                .add(ModelGateProperties.FILE_FORMAT, file.format())
                .addAll(ModelGateProperties.FILE_INNER_FORMAT, file.innerFormats().stream().sorted().toList())
                .add(ModelGateProperties.FILE_STATUS, file.status().id())
                .orNull());
        return component;
    }
}

package io.modelgate.scanner.analysis;

import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.model.ArtifactPath;

import java.io.IOException;
import java.util.Optional;

/** Routes an artifact to detection and the matching analyser. */
public interface ArtifactDispatcher {

    void dispatch(ArtifactPath path, ByteSource source, Optional<ModelFormat> format, FileCollector collector,
                  Deadline deadline) throws IOException;

}

package io.modelgate.scanner;

import io.modelgate.scanner.analysis.AnalysisEngine;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ContentDetector;
import io.modelgate.scanner.detect.FormatDetector;
import io.modelgate.scanner.detect.MagicDetector;
import io.modelgate.scanner.folder.FolderAnalyzer;
import io.modelgate.scanner.numpy.NumpyAnalyzer;
import io.modelgate.scanner.integrity.LockAnalyzer;
import io.modelgate.scanner.gguf.GgufAnalyzer;
import io.modelgate.scanner.safetensors.SafetensorsAnalyzer;
import io.modelgate.scanner.safetensors.SafetensorsDetector;
import io.modelgate.scanner.pickle.PickleAnalyzer;
import io.modelgate.scanner.pickle.PickleDetector;
import io.modelgate.scanner.signing.ModelSignatureAnalyzer;
import io.modelgate.scanner.signing.UnsignedFolderAnalyzer;

import java.util.List;

/**
 * The explicit, ordered list of built-in detectors and analysers. A security-relevant parser set is
 * never discovered from the classpath: adding a format means adding a line here.
 */
public final class FormatRegistry {

    private FormatRegistry() {
    }

    /** Detectors in the order they are tried: magic numbers first, structural sniffers after. */
    public static List<FormatDetector> detectors() {
        return List.of(
                new MagicDetector(),
                new SafetensorsDetector(),
                new PickleDetector());
    }

    public static List<FormatAnalyzer> analyzers() {
        return List.of(
                new NumpyAnalyzer(),
                new SafetensorsAnalyzer(),
                new GgufAnalyzer(),
                new PickleAnalyzer());
    }

    public static List<FolderAnalyzer> folderAnalyzers() {
        return List.of(
                new LockAnalyzer(),
                new ModelSignatureAnalyzer(),
                new UnsignedFolderAnalyzer());
    }

    public static AnalysisEngine engine(Limits limits) {
        return new AnalysisEngine(new ContentDetector(detectors()), analyzers(), limits);
    }
}

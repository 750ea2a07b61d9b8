package io.modelgate.scanner.keras;

import io.modelgate.scanner.analysis.Failures;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.exceptions.HdfException;
import io.modelgate.scanner.analysis.AnalysisContext;
import io.modelgate.scanner.analysis.FormatAnalyzer;
import io.modelgate.scanner.detect.ModelFormat;
import io.modelgate.scanner.io.ByteSource;
import io.modelgate.scanner.io.ByteSourceChannel;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HDF5 files: a legacy Keras model keeps its architecture in the root attributes {@code model_config} and
 * {@code training_config} (JSON), which are checked like a {@code .keras} config. Other HDF5 files (weight
 * stores, data) only yield facts. Only root attributes are read, each bounded before its data is loaded; the
 * group tree is walked for external links to other files.
 */
public final class KerasHdf5Analyzer implements FormatAnalyzer {

    private static final List<String> CONFIG_ATTRIBUTES = List.of("model_config", "training_config");
    private static final List<String> TEXT_FACTS = List.of("keras_version", "backend");
    private static final int MAX_LISTED = 64;
    private static final URI EMBEDDED = URI.create("file:///modelgate-embedded.h5");

    @Override
    public Set<ModelFormat> formats() {
        return Set.of(ModelFormat.HDF5);
    }

    @Override
    public void analyze(ByteSource source, AnalysisContext context) throws IOException {
        try (HdfFile hdf = new HdfFile(new ByteSourceChannel(source), EMBEDDED)) {
            Map<String, Attribute> attributes = hdf.getAttributes();
            List<String> names = new ArrayList<>(attributes.keySet());
            context.fact("hdf5.rootAttributes", List.copyOf(names.subList(0, Math.min(names.size(), MAX_LISTED))));
            for (String key : TEXT_FACTS) {
                Attribute attribute = attributes.get(key);
                if (attribute != null) {
                    context.fact("keras." + (key.equals("keras_version") ? "version" : key), text(attribute, 1024));
                }
            }
            boolean keras = false;
            KerasConfigInspector inspector = new KerasConfigInspector(context);
            for (String key : CONFIG_ATTRIBUTES) {
                Attribute attribute = attributes.get(key);
                if (attribute != null) {
                    keras = true;
                    String json = text(attribute, KerasJson.MAX_CONFIG_BYTES);
                    inspector.inspect(KerasJson.parse(json.getBytes(StandardCharsets.UTF_8), key),
                            "the " + key + " attribute");
                }
            }
            if (keras) {
                inspector.reportFacts();
            }
            context.fact("hdf5.kerasModel", keras);
            Hdf5Links.check(hdf, context);
        } catch (HdfException | UnsupportedOperationException | IllegalArgumentException | IllegalStateException
                 | ClassCastException | IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            context.incomplete("HDF5 layout beyond the reader: " + Failures.describe(e));
        } catch (OutOfMemoryError e) {
            // A declared size the reader tried to allocate at once; the failed allocation took no memory.
            context.limitReached("HDF5 structure declares sizes too large to read");
        }
    }

    /** A scalar string attribute (fixed or variable length), refused when longer than {@code maxBytes}. */
    private static String text(Attribute attribute, int maxBytes) throws IOException {
        if (attribute.getSize() != 1 || attribute.getSizeInBytes() > maxBytes) {
            throw new IOException("attribute " + attribute.getName() + " is not a single string of at most "
                    + maxBytes + " bytes");
        }
        Object data = attribute.getData();
        if (data instanceof String text) {
            if (text.length() > maxBytes) {
                throw new IOException("attribute " + attribute.getName() + " is longer than " + maxBytes + " bytes");
            }
            return text;
        }
        if (data instanceof String[] texts && texts.length == 1) {
            return texts[0];
        }
        throw new IOException("attribute " + attribute.getName() + " is not a string");
    }
}

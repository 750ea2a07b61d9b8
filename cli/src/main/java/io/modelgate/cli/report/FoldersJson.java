package io.modelgate.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.provenance.identity.UnitKind;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The report's {@code folders[]} (kept for readers of schema 1.1): the integrity and signature of each
 * folder holding a model unit on disk, as its units carry them.
 */
final class FoldersJson {

    private FoldersJson() {
    }

    static void write(JsonGenerator json, List<ModelAssessment> models) throws IOException {
        json.writeArrayFieldStart("folders");
        Set<String> written = new LinkedHashSet<>();
        for (ModelAssessment model : models) {
            String folder = folderOf(model);
            if (folder == null || !written.add(folder)) {
                continue;
            }
            json.writeStartObject();
            json.writeStringField("path", folder);
            json.writeObjectFieldStart("facts");
            ModelJson.integrity(json, model.integrity());
            ModelJson.signature(json, model.signature());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static String folderOf(ModelAssessment model) {
        if (model.container() != null) {
            return null;
        }
        if (model.kind() == UnitKind.HF_FOLDER || model.kind() == UnitKind.ADAPTER) {
            return model.path();
        }
        int slash = model.path().lastIndexOf('/');
        return slash < 0 ? "." : model.path().substring(0, slash);
    }
}

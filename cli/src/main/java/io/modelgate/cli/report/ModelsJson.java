package io.modelgate.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelgate.provenance.license.LicenseVerdict;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.provenance.identity.Evidence;
import io.modelgate.provenance.identity.ModelProvenance;
import io.modelgate.provenance.identity.UnitKind;
import io.modelgate.scanner.model.FolderResult;

import java.util.List;
import java.util.Map;

/** The {@code models[]} section of the JSON report (schema 1.1): one entry per model unit. */
final class ModelsJson {

    private ModelsJson() {
    }

    static ArrayNode of(ObjectMapper mapper, List<ModelProvenance> models, List<FolderResult> folders) {
        ArrayNode array = mapper.createArrayNode();
        for (ModelProvenance model : models) {
            ObjectNode node = array.addObject();
            node.put("path", model.path());
            node.put("kind", model.kind().id());
            node.put("name", model.name());
            node.put("family", model.family());
            node.put("generation", model.generation());
            node.put("publisher", model.publisher());
            node.put("country", model.country());
            node.put("architectureFamily", model.architectureFamily());
            node.put("tokenizerFamily", model.tokenizerFamily());
            ArrayNode bases = node.putArray("baseModels");
            for (BaseModel base : model.baseModels()) {
                ObjectNode b = bases.addObject();
                b.put("name", base.name());
                b.put("family", base.family());
                b.put("relation", base.relation());
                b.put("declared", base.declared());
            }
            node.put("confidence", model.confidence());
            node.set("license", license(mapper, model.license()));
            Map<String, Object> folderFacts = folderFactsOf(model, folders);
            ObjectNode noChecks = mapper.createObjectNode();
            noChecks.putArray("checks");
            node.set("integrity", folderFacts.containsKey("integrity")
                    ? mapper.valueToTree(folderFacts.get("integrity")) : noChecks);
            node.set("signature", folderFacts.containsKey("signature")
                    ? mapper.valueToTree(folderFacts.get("signature")) : mapper.createObjectNode().put("status", "absent"));
            ArrayNode evidence = node.putArray("evidence");
            for (Evidence e : model.evidence()) {
                ObjectNode x = evidence.addObject();
                x.put("kind", e.kind());
                x.put("value", e.value());
                x.put("source", e.source());
                x.put("weight", e.weight());
                x.put("family", e.family());
                x.put("stance", e.stance().id());
            }
        }
        return array;
    }

    /**
     * Integrity and signature checks run over folders: a folder unit takes its own folder's facts, a
     * single-file unit those of the folder holding it.
     */
    private static Map<String, Object> folderFactsOf(ModelProvenance model, List<FolderResult> folders) {
        String folder = model.path();
        boolean fileUnit = model.kind() == UnitKind.GGUF || model.kind() == UnitKind.CHECKPOINT;
        if (fileUnit) {
            int slash = folder.lastIndexOf('/');
            folder = slash < 0 ? "." : folder.substring(0, slash);
        }
        for (FolderResult result : folders) {
            if (result.path().equals(folder)) {
                return result.facts();
            }
        }
        return Map.of();
    }

    private static ObjectNode license(ObjectMapper mapper, LicenseVerdict license) {
        ObjectNode node = mapper.createObjectNode();
        if (license == null) {
            node.putNull("id");
            return node;
        }
        node.put("id", license.id());
        node.put("name", license.name());
        node.put("source", license.source());
        switch (license.commercialUse()) {
            case "true" -> node.put("commercialUse", true);
            case "false" -> node.put("commercialUse", false);
            default -> node.put("commercialUse", license.commercialUse());
        }
        JsonArrays.putStrings(node, "obligations", license.obligations());
        JsonArrays.putStrings(node, "conflicts", license.conflicts());
        return node;
    }
}

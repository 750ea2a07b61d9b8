package io.modelgate.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.modelgate.assessment.Identity;
import io.modelgate.assessment.Integrity;
import io.modelgate.assessment.IntegrityCheck;
import io.modelgate.assessment.ModelAssessment;
import io.modelgate.assessment.PackageRef;
import io.modelgate.assessment.Signature;
import io.modelgate.assessment.SignatureStatus;
import io.modelgate.provenance.identity.BaseModel;
import io.modelgate.provenance.identity.Evidence;
import io.modelgate.provenance.license.LicenseVerdict;
import io.modelgate.scanner.model.FileResult;
import io.modelgate.scanner.model.Finding;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One entry of the JSON report's {@code models[]}: a model assessment as it stands. */
final class ModelJson {

    private ModelJson() {
    }

    static void write(JsonGenerator json, ModelAssessment model) throws IOException {
        Identity id = model.identity();
        json.writeStartObject();
        json.writeStringField("path", model.path());
        json.writeStringField("kind", model.kind().id());
        json.writeStringField("name", model.name());
        json.writeStringField("digest", model.digest());
        container(json, model.container());
        JsonReportWriter.strings(json, "files", model.files().stream().map(FileResult::path).toList());
        json.writeStringField("family", id.family());
        json.writeStringField("generation", id.generation());
        json.writeStringField("publisher", id.publisher());
        json.writeStringField("country", id.country());
        json.writeStringField("architectureFamily", id.architectureFamily());
        json.writeStringField("tokenizerFamily", id.tokenizerFamily());
        json.writeArrayFieldStart("baseModels");
        for (BaseModel base : id.baseModels()) {
            json.writeStartObject();
            json.writeStringField("name", base.name());
            json.writeStringField("family", base.family());
            json.writeStringField("relation", base.relation());
            json.writeBooleanField("declared", base.declared());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("confidence", id.confidence());
        json.writeBooleanField("uncertain", id.uncertain());
        license(json, model.license());
        integrity(json, model.integrity());
        signature(json, model.signature());
        json.writeArrayFieldStart("findings");
        for (Finding finding : model.findings()) {
            JsonReportWriter.finding(json, finding);
        }
        json.writeEndArray();
        JsonReportWriter.incomplete(json, model.incomplete());
        json.writeArrayFieldStart("evidence");
        for (Evidence e : id.evidence()) {
            json.writeStartObject();
            json.writeStringField("kind", e.kind());
            json.writeStringField("aspect", e.aspect());
            json.writeStringField("value", e.value());
            json.writeStringField("source", e.source());
            json.writeNumberField("weight", e.weight());
            json.writeStringField("family", e.family());
            json.writeStringField("stance", e.stance().id());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void container(JsonGenerator json, PackageRef container) throws IOException {
        if (container == null) {
            json.writeNullField("container");
            return;
        }
        json.writeObjectFieldStart("container");
        json.writeStringField("path", container.path());
        json.writeStringField("type", container.type());
        json.writeStringField("name", container.name());
        json.writeStringField("version", container.version());
        json.writeEndObject();
    }

    private static void license(JsonGenerator json, LicenseVerdict license) throws IOException {
        json.writeObjectFieldStart("license");
        if (license == null) {
            json.writeNullField("id");
            json.writeEndObject();
            return;
        }
        json.writeStringField("id", license.id());
        json.writeStringField("name", license.name());
        json.writeStringField("source", license.source());
        switch (license.commercialUse()) {
            case "true" -> json.writeBooleanField("commercialUse", true);
            case "false" -> json.writeBooleanField("commercialUse", false);
            default -> json.writeStringField("commercialUse", license.commercialUse());
        }
        JsonReportWriter.strings(json, "obligations", license.obligations());
        JsonReportWriter.strings(json, "conflicts", license.conflicts());
        json.writeEndObject();
    }

    static void integrity(JsonGenerator json, Integrity integrity) throws IOException {
        json.writeObjectFieldStart("integrity");
        json.writeStringField("lock", integrity.lock().id());
        json.writeStringField("lockFile", integrity.lockFile());
        json.writeArrayFieldStart("checks");
        for (IntegrityCheck check : integrity.checks()) {
            json.writeStartObject();
            json.writeStringField("check", check.name());
            json.writeStringField("source", check.source());
            json.writeStringField("status", check.status());
            json.writeNumberField("matched", check.files());
            json.writeNumberField("mismatched", check.mismatched());
            if (check.detail() != null) {
                json.writeStringField("reason", check.detail());
            }
            if (check.name().equals("lock")) {
                JsonReportWriter.strings(json, "changed", check.changed());
                JsonReportWriter.strings(json, "kindChanged", check.kindChanged());
                JsonReportWriter.strings(json, "added", check.added());
                JsonReportWriter.strings(json, "removed", check.removed());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("matched");
        for (Integrity.DigestMatch match : integrity.matched()) {
            json.writeStartObject();
            json.writeStringField("file", match.file());
            json.writeStringField("sha256", match.digest());
            json.writeStringField("source", match.source());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static void signature(JsonGenerator json, Signature signature) throws IOException {
        json.writeObjectFieldStart("signature");
        json.writeStringField("status", statusId(signature.status()));
        json.writeStringField("method", signature.method());
        json.writeStringField("signer", signature.signer());
        json.writeStringField("verifiedWith", signature.verifiedWith());
        json.writeStringField("subjectDigest", signature.subjectDigest());
        JsonReportWriter.strings(json, "notVerified", signature.notVerified());
        json.writeArrayFieldStart("signatures");
        for (Signature.SignatureCheck check : signature.signatures()) {
            json.writeStartObject();
            json.writeStringField("format", check.format());
            json.writeStringField("file", check.file());
            json.writeStringField("method", check.method());
            json.writeStringField("status", statusId(check.status()));
            json.writeFieldName("signer");
            json.writeStartObject();
            for (Map.Entry<String, Object> field : new TreeMap<>(check.signer()).entrySet()) {
                if (field.getValue() instanceof List<?> list) {
                    JsonReportWriter.strings(json, field.getKey(), list.stream().map(String::valueOf).toList());
                } else {
                    json.writeStringField(field.getKey(), String.valueOf(field.getValue()));
                }
            }
            json.writeEndObject();
            JsonReportWriter.strings(json, "checked", check.checked());
            JsonReportWriter.strings(json, "notVerified", check.notVerified());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Status words of the report: {@code absent}, {@code valid}, {@code invalid}, {@code untrusted}, {@code unverified}. */
    private static String statusId(SignatureStatus status) {
        return status.id();
    }
}
